import type { EvidenceFileResponse } from '@app/contracts';
import type { EvidenceFile } from './evidence-file.entity';

export const toEvidenceResponse = (e: EvidenceFile) =>
  ({
    id: e.id,
    fileName: e.fileName,
    mimeType: e.mimeType,
    size: e.size,
    sha256: e.sha256,
    url: `/api/evidence/${e.id}`,
    createdAt: e.createdAt.toISOString(),
  }) satisfies EvidenceFileResponse;
