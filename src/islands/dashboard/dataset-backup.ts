/** A dataset's backup file, noting when this browser last made one (the storage notice shows it). */
import { datasetToJson, type Dataset } from '../../lib/dashboard/dataset.ts';
import { downloadFile } from '../shared/download.ts';
import { durability } from '../shared/durability.svelte.ts';

export function backupDataset(dataset: Dataset) {
  downloadFile(`banso-dataset-${dataset.name.replace(/[^\p{L}\p{N}-]+/gu, '-')}-${new Date().toISOString().slice(0, 10)}.json`, datasetToJson(dataset), 'application/json');
  durability.noteExport(`dataset:${dataset.id}`);
}
