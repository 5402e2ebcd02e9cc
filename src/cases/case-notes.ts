/**
 * Comments and evidence files on a case: validated here so every door refuses the same things
 * (empty or huge comments, empty or oversized files, path tricks in file names), and every file is
 * identified by its SHA-256 so an examiner can check that the evidence is the evidence.
 */
import { createHash } from 'node:crypto';
import type { CaseComment, CaseEvidence } from '../core/case.js';
import { CaseRuleError } from './case-rule-error.js';

export const maxCommentLength = 20_000;
/** 25 MiB: a scanned bill of lading or a bank statement, not a video. */
export const defaultMaxEvidenceBytes = 25 * 1024 * 1024;

export function newComment(input: {
  id: string;
  caseId: string;
  author: string;
  text: string;
  at: string;
}): CaseComment {
  const text = input.text.trim();
  if (!text) throw new CaseRuleError('invalid', 'a comment needs text');
  if (text.length > maxCommentLength)
    throw new CaseRuleError('invalid', `a comment may have at most ${maxCommentLength} characters`);
  return { ...input, text };
}

/** The last path segment, without control characters, at most 200 characters; never empty. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const safe = cleaned === '.' || cleaned === '..' ? '' : cleaned;
  return (safe || 'evidence').slice(-200);
}

const mediaTypePattern = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

export interface NewEvidence {
  id: string;
  caseId: string;
  fileName: string;
  mediaType?: string;
  content: Uint8Array;
  addedBy: string;
  at: string;
  maxBytes?: number;
}

/**
 * @example
 * const meta = evidenceRecord({ id, caseId, fileName: 'invoice.pdf', mediaType: 'application/pdf',
 *   content: bytes, addedBy: 'ana', at });   // meta.sha256, meta.bytes
 */
export function evidenceRecord(input: NewEvidence): CaseEvidence {
  const limit = input.maxBytes ?? defaultMaxEvidenceBytes;
  if (input.content.byteLength === 0) throw new CaseRuleError('invalid', 'an evidence file is empty');
  if (input.content.byteLength > limit)
    throw new CaseRuleError(
      'too-large',
      `evidence file ${safeFileName(input.fileName)} has ${input.content.byteLength} bytes; the limit is ${limit}`,
    );
  const mediaType = input.mediaType?.toLowerCase().split(';')[0]?.trim() ?? '';
  return {
    id: input.id,
    caseId: input.caseId,
    fileName: safeFileName(input.fileName),
    mediaType: mediaTypePattern.test(mediaType) ? mediaType : 'application/octet-stream',
    bytes: input.content.byteLength,
    sha256: createHash('sha256').update(input.content).digest('hex'),
    addedBy: input.addedBy,
    addedAt: input.at,
  };
}
