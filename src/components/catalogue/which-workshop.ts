/**
 * The catalogue's "which workshop for whom" guide: a career consultant's advice for each audience and for
 * the occasions that cut across stages (the Self-Career Dock's milestones). The advice says when and why;
 * it never says which workshop exists. The component resolves the audiences and exercises named here
 * against what the site publishes, so a stage without a module reads "not yet in the kit" and starts
 * linking its workshop the day one is added, without editing this file.
 */

export interface LocalText {
  ja: string;
  en: string;
}

/** When and why to offer each audience's workshop, keyed by stage id (content/stages.yaml) or people-managers. */
export const audienceAdvice: Record<string, LocalText> = {
  'first-years': {
    ja: '入社1年目の後半から3年目までが目安です。最初の数か月は仕事を覚えるだけで手一杯なので、ひととおり経験を積み、振り返る材料がそろってからのほうが学びが深まります。配属後に感じた「思っていたのと違う」を、落ち着いて言葉にできる時期でもあります。',
    en: 'Best from the second half of the first year to the end of the third. In the first few months people are busy learning the job; once they have a year of experience to look back on, reflection has something to work with. It is also when the gap between what they expected and what they found can be talked about calmly.',
  },
  'early-career': {
    ja: '仕事を一人で回せるようになり、「このままでいいのか」「次は何を任されたいか」を考え始めた人に向きます。社内公募や異動の希望を出す前に受けておくと、自分の得意領域と就きたい役割を、根拠を添えて話せるようになります。',
    en: 'For people who now run their work on their own and have started asking whether to carry on as they are and what they want to be trusted with next. Taken before an internal job posting or a transfer request, it lets them talk about their strengths and the roles they want with evidence.',
  },
  'mid-career': {
    ja: '仕事でも家庭でも担う役割が増え、これまでの延長でよいのかを問い直す時期です。経験の棚卸しと、仕事以外の役割も含めた時間とエネルギーの配分が主題になります。',
    en: 'Responsibilities grow at work and at home, and people start to ask whether more of the same is still the right path. The themes are taking stock of experience and dividing time and energy between work and the other roles in their lives.',
  },
  veteran: {
    ja: '経験を自分なりの持論にまとめ、後に続く人へ渡していく時期です。専門性をさらに深めるか、人を育てる側に回るかを本人が選べるよう、役割が変わる節目より前に考える機会をつくります。',
    en: 'The time to turn experience into lessons of one’s own and pass them on. Give people a chance to think before the next change of role, so they can choose whether to go deeper as specialists or to move towards developing others.',
  },
  'late-career': {
    ja: '役職定年や再雇用で役割が変わったあと、意欲がなかなか戻らない人は少なくありません。人に教える、助言する、専門性を生かすといった役割を本人が自分で描けると、力を発揮し続けやすくなります。年齢でひとくくりにせず、一人ひとりの状況から話を始めます。',
    en: 'When a management post ends at a set age or a role changes on re-employment, many people take a long time to find their drive again. Those who can shape a role around advising, teaching or specialist work tend to keep contributing. Start from each person’s situation, not from their age.',
  },
  'people-managers': {
    ja: 'メンバーを持つすべてのマネージャーが対象です。段階別のワークショップでメンバーの意識が変わっても、職場が変わらなければ行動は続きません。メンバーの受講と同じ時期か少し前に行うと、メンバーが持ち帰った計画を上司が受け止められます。',
    en: 'For every manager with a team. A stage workshop can change how members see their careers, but whether they act on it depends on their workplace. Run it at about the same time as the members’ workshops, or a little before, so managers are ready when members come back with their plans.',
  },
};

export interface Occasion {
  /** Anchor on the catalogue page. */
  id: string;
  title: LocalText;
  advice: LocalText;
  /** Audiences whose workshop fits; each shows as its workshop, or as "not yet in the kit". */
  audiences: string[];
  /** Point to the by-stage section: the right workshop is the person's own stage's. */
  ownStage?: boolean;
  /** Exercise ids that help on this occasion, used in an interview or a one-on-one as well as in a workshop. */
  exercises: string[];
}

/** The milestones the Self-Career Dock guidance names across stages. */
export const occasions: Occasion[] = [
  {
    id: 'becoming-a-manager',
    title: { ja: 'マネージャーになったとき', en: 'On becoming a manager' },
    advice: {
      ja: '任命から半年ほどのうち、初めてメンバーを持った時期に受けるのがいちばん役立ちます。仕事の任せ方や1on1の進め方が癖として固まる前だからです。マネージャー自身もキャリアの途中にいるので、自分の段階のワークショップに参加者として出てもかまいません。',
      en: 'Most useful within about six months of appointment, while someone is leading a team for the first time and before their way of handing over work and running one-on-ones has set into habit. Managers are partway through careers of their own, too, and can join their own stage’s workshop as participants.',
    },
    audiences: ['people-managers'],
    exercises: [],
  },
  {
    id: 'returning-from-leave',
    title: { ja: '育児休業・介護休業から復職したとき', en: 'On returning from parental or care leave' },
    advice: {
      ja: '復職の直後は、仕事と家庭の段取りを組み直すだけで精一杯です。ワークショップは、働き方が落ち着く復職後3〜6か月ごろに、本人の希望を確かめたうえで、その人の段階のものを案内します。短時間勤務の人には、オンラインで2回に分ける形が参加しやすいでしょう。復職前後の上司との面談の前に1on1準備シートで話したいことを整理しておくと、働き方の希望を自分から言い出しやすくなります。',
      en: 'Right after returning, people have their hands full rearranging work and home. Offer the workshop for their stage about three to six months later, once their working pattern has settled, and only after asking whether they want it. For someone on reduced hours, the online format in two sessions is easier to join. Sorting out what they want to raise on the one-on-one preparation sheet before the return meetings with their manager makes it easier to ask for the working pattern they need.',
    },
    audiences: [],
    ownStage: true,
    exercises: ['one-on-one-preparation'],
  },
  {
    id: 'after-a-transfer',
    title: { ja: '異動したとき', en: 'After a transfer' },
    advice: {
      ja: '異動の直後は、年次にかかわらず、新しい仕事の全体像をつかむところからやり直しです。入社初期のワークショップに経験の長い人を一人だけ加えるより、仕事マップと「期待と現実」のワークを、異動後1〜3か月の面談や上司との1on1で使うほうが、本人も率直に話せます。入社4〜10年目の人なら、専門性を築く時期のワークショップで、新しい職場で何を自分の得意領域にしていくかを考えられます。',
      en: 'After a move, whatever their seniority, people start again by working out what the new job is as a whole. Rather than seating one experienced person in a room of first-years, use the work map and the expectations-and-reality exercise in an interview or a one-on-one one to three months after the move, where they can speak frankly. For someone four to ten years into their working life, the early-career workshop helps them decide what to build their strength on in the new team.',
    },
    audiences: ['early-career'],
    exercises: ['work-map', 'expectations-and-reality'],
  },
  {
    id: 'mid-career-hire',
    title: { ja: '中途入社の1年目', en: 'A mid-career hire’s first year' },
    advice: {
      ja: '社歴は短くても、職業人としての経験は短くありません。段階は社内の年次ではなく、これまでの経験と本人の状況で選びます。入社後の数か月は、仕事マップで新しい組織のなかでの自分の仕事の位置を、「期待と現実」で入社前の想定との違いを言葉にしておくと、前の職場のやり方と折り合いをつけやすくなります。',
      en: 'They are new to the organisation, not new to work. Choose their stage by their experience and situation, not by their years here. In the first months, the work map shows where their job sits in the new organisation, and the expectations-and-reality exercise puts into words what differs from what they assumed before joining; both help them settle the new ways against the old.',
    },
    audiences: ['early-career', 'mid-career', 'veteran'],
    exercises: ['work-map', 'expectations-and-reality'],
  },
];
