/**
 * Scales asked of some roles only (a people manager's own practice): who is asked what. Answers keep one place
 * per item of the instrument whatever the role, so a code or file has the same layout for everyone; an item a
 * person was not shown is recorded as not answered (null).
 */

interface RoleScopedInstrument {
  scales: readonly { roles?: readonly string[] | undefined; items: readonly { id: string }[] }[];
  roles: readonly { id: string }[];
}

/** Whether a person of this role is asked the scale; with no role given yet, only scales everyone answers. */
export function scaleAsked(scale: { roles?: readonly string[] | undefined }, role: string | null | undefined): boolean {
  return !scale.roles || (role != null && scale.roles.includes(role));
}

/** The item ids a person of this role is asked, in instrument order. */
export function itemsForRole(instrument: RoleScopedInstrument, role: string | null | undefined): string[] {
  return instrument.scales.flatMap((scale) => (scaleAsked(scale, role) ? scale.items.map((item) => item.id) : []));
}

interface UnaskedItem {
  at: number;
  id: string;
  roles: readonly string[];
}

/**
 * Per instrument and role, the items that role is never shown, worked out once: an import checks every response
 * against the same instrument (20,000 of them in a large one), and walking the scales each time was most of it.
 */
const unaskedByInstrument = new WeakMap<RoleScopedInstrument, Map<number, UnaskedItem[]>>();

function unaskedItems(instrument: RoleScopedInstrument, roleIndex: number): UnaskedItem[] {
  let byRole = unaskedByInstrument.get(instrument);
  if (!byRole) unaskedByInstrument.set(instrument, (byRole = new Map()));
  let unasked = byRole.get(roleIndex);
  if (!unasked) {
    const role = instrument.roles[roleIndex]?.id;
    unasked = [];
    let at = 0;
    for (const scale of instrument.scales) {
      const asked = scaleAsked(scale, role);
      for (const item of scale.items) {
        if (!asked) unasked.push({ at, id: item.id, roles: [...scale.roles!] });
        at++;
      }
    }
    byRole.set(roleIndex, unasked);
  }
  return unasked;
}

/**
 * Why a response's answers do not fit its role (it answers items that role is never shown), or undefined.
 * `answers` are in instrument order; `roleIndex` indexes the instrument's roles.
 */
export function roleMismatch(instrument: RoleScopedInstrument, roleIndex: number, answers: readonly (number | null)[]): string | undefined {
  const answered = unaskedItems(instrument, roleIndex).find((item) => answers[item.at] != null);
  if (!answered) return undefined;
  return `it answers item ${answered.id}, which is asked only of ${answered.roles.join(', ')}, but its role is ${instrument.roles[roleIndex]?.id ?? roleIndex}`;
}
