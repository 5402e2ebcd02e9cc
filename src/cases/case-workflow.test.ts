import { describe, expect, it } from 'vitest';
import type { Alert } from '../core/alert.js';
import {
  approveCase,
  awaitingApproval,
  CaseRuleError,
  changeCaseStatus,
  disposeCase,
  evidenceRecord,
  groupAlertsByParty,
  newComment,
  openCase,
  relatedAlerts,
  reopenCase,
  returnCase,
  safeFileName,
} from './index.js';

const ana = { name: 'ana', role: 'analyst' };
const sam = { name: 'sam', role: 'supervisor' };
const sol = { name: 'sol', role: 'supervisor' };
const at = '2026-12-01T22:00:00.000Z';

function fresh() {
  return openCase({
    id: 'case-1',
    title: 'Possible SDN match: Juan Perez',
    alertIds: ['a1', 'a2', 'a1'],
    createdBy: 'ana',
    at,
  });
}

function ruleCode(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof CaseRuleError) return e.code;
    throw e;
  }
  return undefined;
}

describe('case workflow', () => {
  it('opens with unique alerts and moves along the allowed path', () => {
    const c = fresh();
    expect(c).toMatchObject({ status: 'open', alertIds: ['a1', 'a2'], version: 1 });
    const reviewing = changeCaseStatus(c, 'in-review', ana, at);
    const escalated = changeCaseStatus(reviewing, 'escalated', ana, at);
    expect(escalated).toMatchObject({ status: 'escalated', version: 3 });
    expect(c.status).toBe('open');
    expect(ruleCode(() => changeCaseStatus(escalated, 'open', ana, at))).toBe('transition');
    expect(ruleCode(() => changeCaseStatus(escalated, 'closed', ana, at))).toBe('transition');
  });

  it('closes false positives at once, with a reason', () => {
    const c = disposeCase(fresh(), 'false-positive', 'different date of birth', ana, at);
    expect(c).toMatchObject({ status: 'closed', disposition: { kind: 'false-positive', by: 'ana' } });
    expect(ruleCode(() => disposeCase(fresh(), 'not-relevant', '   ', ana, at))).toBe('invalid');
    expect(ruleCode(() => changeCaseStatus(c, 'in-review', ana, at))).toBe('closed');
  });
});

describe('four-eyes', () => {
  it('a true match waits for a second, different supervisor', () => {
    const proposed = disposeCase(fresh(), 'true-match', 'same passport number', ana, at);
    expect(proposed.status).toBe('in-review');
    expect(awaitingApproval(proposed)).toBe(true);
    expect(ruleCode(() => approveCase(proposed, { name: 'al', role: 'analyst' }, at))).toBe('not-supervisor');
    expect(ruleCode(() => approveCase(proposed, { name: 'ad', role: 'admin' }, at))).toBe('not-supervisor');
    expect(ruleCode(() => changeCaseStatus(proposed, 'escalated', ana, at))).toBe('awaiting-approval');
    const closed = approveCase(proposed, sam, at);
    expect(closed).toMatchObject({ status: 'closed', approval: { by: 'sam' }, disposition: { by: 'ana' } });
    expect(ruleCode(() => approveCase(closed, sol, at))).toBe('not-awaiting-approval');
  });

  it('nobody approves their own work, supervisors included', () => {
    const proposed = disposeCase(fresh(), 'true-match', 'same passport number', sam, at);
    expect(ruleCode(() => approveCase(proposed, sam, at))).toBe('four-eyes');
    expect(approveCase(proposed, sol, at).status).toBe('closed');
  });

  it('a supervisor can return a proposal, and reopen a closed case', () => {
    const proposed = disposeCase(fresh(), 'true-match', 'same passport number', ana, at);
    const returned = returnCase(proposed, sam, 'check the second passport', at);
    expect(returned.disposition).toBeUndefined();
    expect(returned.status).toBe('in-review');
    const closed = disposeCase(returned, 'false-positive', 'passport differs', ana, at);
    expect(ruleCode(() => reopenCase(closed, ana, 'new info', at))).toBe('not-supervisor');
    const reopened = reopenCase(closed, sam, 'new list version changed the entity', at);
    expect(reopened).toMatchObject({ status: 'in-review' });
    expect(reopened.disposition).toBeUndefined();
  });
});

function alert(id: string, name: string, kind: Alert['kind'] = 'screening'): Alert {
  return {
    id,
    kind,
    subject: name,
    rule: { name: 'r', version: '1' },
    score: 1,
    evidence: { summary: name, data: {} },
    sources: [],
    createdAt: at,
  };
}

describe('same party', () => {
  const sameName = (a: Alert, b: Alert) => a.subject.toLowerCase() === b.subject.toLowerCase();

  it('groups alerts linked directly or through a chain', () => {
    const chained = (a: Alert, b: Alert) => Math.abs(Number(a.subject) - Number(b.subject)) === 1;
    const groups = groupAlertsByParty(
      [alert('x', '1'), alert('y', '5'), alert('z', '2'), alert('w', '3')],
      chained,
    );
    expect(groups.map((g) => g.map((a) => a.id))).toEqual([['x', 'z', 'w'], ['y']]);
  });

  it("finds other engines' alerts about a case's party", () => {
    const inCase = [alert('s1', 'Juan Perez')];
    const candidates = [
      alert('t1', 'JUAN PEREZ', 'targeting'),
      alert('g1', 'Ana Ruiz', 'goods'),
      alert('s1', 'Juan Perez'),
    ];
    expect(relatedAlerts(inCase, candidates, sameName).map((a) => a.id)).toEqual(['t1']);
  });
});

describe('comments and evidence', () => {
  it('validates comments', () => {
    expect(newComment({ id: 'k', caseId: 'c', author: 'ana', text: '  checked DOB  ', at }).text).toBe(
      'checked DOB',
    );
    expect(ruleCode(() => newComment({ id: 'k', caseId: 'c', author: 'ana', text: ' ', at }))).toBe(
      'invalid',
    );
  });

  it('hashes evidence, limits its size and cleans its name', () => {
    const content = new TextEncoder().encode('abc');
    const meta = evidenceRecord({
      id: 'e',
      caseId: 'c',
      fileName: '../../etc/passwd',
      content,
      addedBy: 'ana',
      at,
      mediaType: 'Text/Plain; charset=utf-8',
    });
    expect(meta).toMatchObject({
      fileName: 'passwd',
      mediaType: 'text/plain',
      bytes: 3,
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
    expect(
      ruleCode(() =>
        evidenceRecord({ id: 'e', caseId: 'c', fileName: 'x', content, addedBy: 'a', at, maxBytes: 2 }),
      ),
    ).toBe('too-large');
    expect(
      ruleCode(() =>
        evidenceRecord({ id: 'e', caseId: 'c', fileName: 'x', content: new Uint8Array(), addedBy: 'a', at }),
      ),
    ).toBe('invalid');
    expect(safeFileName('..')).toBe('evidence');
    expect(safeFileName('a\u0000b.pdf')).toBe('ab.pdf');
  });
});
