import { ElMessage } from 'element-plus';
import { ref } from 'vue';
import { evidenceApi } from '@/api/recording';
import type { EvidenceFileResponse as EvidenceItem } from '@app/contracts';

type Owner = Parameters<typeof evidenceApi.upload>[0];

/**
 * Evidence of a record edited in a dialog: files chosen wait until the record is saved (it
 * needs an id), then upload one by one; a failed upload leaves the saved record and names the
 * file. `existing` are the stored ones, removable at once.
 */
export function usePendingEvidence(owner: Owner) {
  const files = ref<File[]>([]);
  const existing = ref<EvidenceItem[]>([]);

  function reset(stored: EvidenceItem[] = []) {
    files.value = [];
    existing.value = stored;
  }
  async function uploadAll(ownerId: number) {
    for (const file of files.value) {
      try {
        await evidenceApi.upload(owner, ownerId, file);
      } catch {
        ElMessage.error(`「${file.name}」上传失败，可在编辑时重新上传`);
      }
    }
  }
  async function removeExisting(e: EvidenceItem) {
    await evidenceApi.remove(e.id);
    existing.value = existing.value.filter((x) => x.id !== e.id);
  }
  return { files, existing, reset, uploadAll, removeExisting };
}
