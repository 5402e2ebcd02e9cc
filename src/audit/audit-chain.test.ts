import { describe, expect, it } from 'vitest';
import {
  type AuditDraft,
  type AuditEntry,
  canonicalEncoding,
  emptyAuditHead,
  generateAuditSigningKey,
  sealAuditEntry,
  signCheckpoint,
  verifyAuditLog,
  verifyCheckpointSignature,
} from './index.js';

function draft(i: number): AuditDraft {
  return {
    actor: i % 2 ? 'ana' : 'bo',
    action: 'case.comment',
    target: `case:c${i}`,
    before: null,
    after: { text: `note ${i}`, tags: ['b', 'a'] },
    at: `2026-12-01T22:00:${String(i).padStart(2, '0')}.000Z`,
  };
}

function chain(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let head = emptyAuditHead;
  for (let i = 1; i <= n; i++) {
    const e = sealAuditEntry(head, draft(i));
    entries.push(e);
    head = { count: e.seq, headHash: e.hash };
  }
  return entries;
}

describe('canonical encoding', () => {
  it('sorts keys, keeps array order and refuses non-JSON numbers', () => {
    expect(canonicalEncoding({ b: [2, 1], a: 'x', c: undefined })).toBe('{"a":"x","b":[2,1]}');
    expect(canonicalEncoding({ a: [2, 1] })).not.toBe(canonicalEncoding({ a: [1, 2] }));
    expect(() => canonicalEncoding({ a: Number.NaN })).toThrow(/finite/);
  });
});

describe('audit chain', () => {
  it('links each entry to the one before and verifies clean', () => {
    const log = chain(5);
    expect(log[0]!.seq).toBe(1);
    expect(log[1]!.prevHash).toBe(log[0]!.hash);
    const result = verifyAuditLog(log);
    expect(result).toMatchObject({ ok: true, count: 5, headHash: log[4]!.hash, problems: [] });
  });

  it('names an edited entry', () => {
    const log = chain(5);
    log[2] = { ...log[2]!, after: { text: 'rewritten', tags: ['b', 'a'] } };
    const result = verifyAuditLog(log);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ kind: 'altered', seq: 3 });
  });

  it('names a deleted entry', () => {
    const log = chain(5);
    log.splice(1, 1);
    expect(verifyAuditLog(log).problems[0]).toMatchObject({ kind: 'missing', seq: 2 });
  });

  it('names reordered entries', () => {
    const log = chain(5);
    const [a, b] = [log[1]!, log[2]!];
    log[1] = { ...b, seq: 2 };
    log[2] = { ...a, seq: 3 };
    const first = verifyAuditLog(log).problems[0]!;
    expect(first).toMatchObject({ kind: 'reordered', seq: 2 });
    expect(first.message).toMatch(/sealed as number 3/);
  });

  it('catches an entry re-sealed with a recomputed hash by its successor link', () => {
    const log = chain(5);
    const forged = sealAuditEntry({ count: 2, headHash: log[1]!.hash }, { ...draft(3), actor: 'mallory' });
    log[2] = forged;
    expect(verifyAuditLog(log).problems[0]).toMatchObject({ kind: 'broken-link', seq: 4 });
  });
});

describe('signed checkpoints', () => {
  const key = generateAuditSigningKey();
  const other = generateAuditSigningKey();

  it('verifies with the signing key only', () => {
    const log = chain(3);
    const cp = signCheckpoint({ count: 3, headHash: log[2]!.hash }, key);
    expect(verifyCheckpointSignature(cp, key.publicKeyPem)).toBe(true);
    expect(verifyCheckpointSignature(cp, other.publicKeyPem)).toBe(false);
    expect(verifyCheckpointSignature({ ...cp, count: 2 }, key.publicKeyPem)).toBe(false);
    const result = verifyAuditLog(log, { checkpoints: [cp], trustedPublicKeys: [key.publicKeyPem] });
    expect(result).toMatchObject({ ok: true, checkpointsChecked: 1 });
  });

  it('catches truncation', () => {
    const log = chain(6);
    const cp = signCheckpoint({ count: 6, headHash: log[5]!.hash }, key);
    const result = verifyAuditLog(log.slice(0, 4), {
      checkpoints: [cp],
      trustedPublicKeys: [key.publicKeyPem],
    });
    expect(result.problems[0]).toMatchObject({ kind: 'truncated', seq: 5 });
  });

  it('catches a wholly rewritten log whose chain is internally consistent', () => {
    const real = chain(4);
    const cp = signCheckpoint({ count: 4, headHash: real[3]!.hash }, key);
    const forged: AuditEntry[] = [];
    let head = emptyAuditHead;
    for (let i = 1; i <= 4; i++) {
      const e = sealAuditEntry(head, { ...draft(i), actor: 'mallory' });
      forged.push(e);
      head = { count: e.seq, headHash: e.hash };
    }
    expect(verifyAuditLog(forged).ok).toBe(true);
    const result = verifyAuditLog(forged, { checkpoints: [cp], trustedPublicKeys: [key.publicKeyPem] });
    expect(result.problems[0]).toMatchObject({ kind: 'rewritten', seq: 4 });
  });

  it('refuses checkpoints from an untrusted key or with a forged signature', () => {
    const log = chain(2);
    const cp = signCheckpoint({ count: 2, headHash: log[1]!.hash }, other);
    const result = verifyAuditLog(log, { checkpoints: [cp], trustedPublicKeys: [key.publicKeyPem] });
    expect(result.problems[0]).toMatchObject({ kind: 'unknown-key' });
    const good = signCheckpoint({ count: 2, headHash: log[1]!.hash }, key);
    const tampered = { ...good, headHash: log[0]!.hash, count: 1 };
    const r2 = verifyAuditLog(log, { checkpoints: [tampered], trustedPublicKeys: [key.publicKeyPem] });
    expect(r2.problems[0]).toMatchObject({ kind: 'bad-signature' });
  });
});
