/**
 * The case services on a real SQLite file: creating from alerts of several engines about one party,
 * the alerts' workflow following the case, four-eyes closing of a true match, the permission checks,
 * and a false positive on a screening alert becoming the exception later screenings honour.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert, Stores } from '../core/index.js';
import { createScreener } from '../screening/index.js';
import { testEntities } from '../screening/screener-test-entities.js';
import { openSqliteStores } from '../store/sqlite/sqlite-stores.js';
import { verifyAudit } from './audit-verify.js';
import { approveCase, disposeCase, reopenCase, returnCase } from './case-dispositions.js';
import {
  assignCase,
  attachEvidence,
  changeCaseStatus,
  commentOnCase,
  createCase,
  evidenceFile,
  getCase,
  linkRelatedAlerts,
  listCases,
} from './cases.js';
import { samePartyByName } from './cases-same-party.js';
import type { Principal } from './principal.js';
import { refusal } from './testing/service-refusal.js';
import { addUser } from './users.js';

const admin: Principal = { name: 'root', role: 'admin', via: 'local' };
const ana: Principal = { name: 'ana', role: 'analyst', via: 'session' };
const al: Principal = { name: 'al', role: 'analyst', via: 'session' };
const sam: Principal = { name: 'sam', role: 'supervisor', via: 'session' };
const sol: Principal = { name: 'sol', role: 'supervisor', via: 'session' };
const aud: Principal = { name: 'aud', role: 'auditor', via: 'session' };

let dir: string;
let stores: Stores;

function alert(id: string, kind: Alert['kind'], parties: string[], extra: Partial<Alert> = {}): Alert {
  return {
    id,
    kind,
    subject: `${kind}-${id}`,
    rule: { name: 'test-rule', version: '1' },
    score: 0.9,
    evidence: { summary: `${kind} alert about ${parties.join(', ')}`, data: {} },
    sources: [],
    parties,
    createdAt: '2026-12-01T20:00:00.000Z',
    ...extra,
  };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sentinela-cases-'));
  stores = openSqliteStores(join(dir, 'db.sqlite'));
  for (const p of [ana, al, sam, sol, aud]) await addUser(stores, admin, { name: p.name, role: p.role });
  await stores.alerts.append([
    alert('s1', 'screening', ['Juan Pérez López']),
    alert('t1', 'targeting', ['PEREZ LOPEZ, Juan']),
    alert('g1', 'goods', ['Quimica del Norte SA de CV']),
    alert('w1', 'warning', []),
  ]);
});
afterEach(async () => {
  await stores.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('cases', () => {
  it('gathers alerts about the same party from different engines, and the alerts follow the case', async () => {
    const c = await createCase(stores, ana, { alertIds: ['s1'], sameParty: await samePartyByName() });
    expect(c.alertIds).toEqual(['s1', 't1']);
    expect(c.title).toBe('Juan Pérez López — 1 alert (screening)');
    expect(await stores.alerts.get('t1')).toMatchObject({ caseId: c.id, status: 'open' });
    expect((await stores.alerts.get('g1'))?.caseId).toBeUndefined();
    expect((await refusal(createCase(stores, ana, { alertIds: ['t1'] }))).code).toBe('conflict');
    expect((await refusal(createCase(stores, ana, { alertIds: ['nope'] }))).code).toBe('not-found');

    await assignCase(stores, ana, c.id, 'ana');
    const moved = await changeCaseStatus(stores, ana, c.id, 'in-review');
    expect(await stores.alerts.get('s1')).toMatchObject({ status: 'in-review', assignee: 'ana' });
    expect((await refusal(changeCaseStatus(stores, ana, c.id, 'escalated', moved.version - 1))).code).toBe(
      'conflict',
    );
    await commentOnCase(stores, ana, c.id, 'DOB on the customer file is 1990; listed person born 1957');
    const ev = await attachEvidence(stores, ana, c.id, {
      fileName: 'kyc/passport.pdf',
      mediaType: 'application/pdf',
      content: new TextEncoder().encode('%PDF-1.7 test'),
    });
    expect((await evidenceFile(stores, aud, ev.id)).meta.sha256).toBe(ev.sha256);
    const detail = await getCase(stores, aud, c.id);
    expect(detail.alerts.map((a) => a.id)).toEqual(['s1', 't1']);
    expect(detail.comments).toHaveLength(1);
    expect(detail.evidence[0]).toMatchObject({ fileName: 'passport.pdf', bytes: 13 });
    expect((await listCases(stores, aud, { status: 'in-review' })).cases.map((x) => x.id)).toEqual([c.id]);
  });

  it('links same-party alerts raised after the case was opened', async () => {
    const c = await createCase(stores, ana, { alertIds: ['g1'] });
    await stores.alerts.append([alert('r1', 'reconcile', ['QUIMICA DEL NORTE S.A. DE C.V.'])]);
    const { linked } = await linkRelatedAlerts(stores, ana, c.id, await samePartyByName());
    expect(linked).toEqual(['r1']);
    expect((await stores.alerts.get('r1'))?.caseId).toBe(c.id);
  });

  it('checks who may do what', async () => {
    expect((await refusal(createCase(stores, aud, { alertIds: ['s1'] }))).code).toBe('forbidden');
    const c = await createCase(stores, ana, { alertIds: ['s1'] });
    expect((await refusal(assignCase(stores, ana, c.id, 'al'))).code).toBe('forbidden');
    expect((await assignCase(stores, sam, c.id, 'al')).assignee).toBe('al');
    expect((await refusal(assignCase(stores, sam, c.id, 'aud'))).message).toMatch(
      /auditor and cannot work cases/,
    );
    expect((await refusal(commentOnCase(stores, aud, c.id, 'x'))).code).toBe('forbidden');
    const token: Principal = {
      name: 'ana',
      role: 'analyst',
      via: 'token',
      scopes: ['screen'],
      tokenId: 'tok-1',
    };
    expect((await refusal(commentOnCase(stores, token, c.id, 'x'))).code).toBe('forbidden');
  });
});

describe('four-eyes', () => {
  it('a true match is closed only by a second, different supervisor', async () => {
    const c = await createCase(stores, ana, { alertIds: ['s1', 't1'] });
    const proposed = await disposeCase(stores, ana, c.id, {
      kind: 'true-match',
      reason: 'same passport number',
    });
    expect(proposed.case.status).toBe('in-review');
    expect(await stores.alerts.get('s1')).toMatchObject({ status: 'in-review' });
    expect((await stores.alerts.get('s1'))?.disposition).toBeUndefined();
    expect((await listCases(stores, sam, { awaitingApproval: true })).cases.map((x) => x.id)).toEqual([c.id]);

    expect((await refusal(approveCase(stores, al, c.id))).code).toBe('forbidden');
    const closed = await approveCase(stores, sam, c.id);
    expect(closed).toMatchObject({
      status: 'closed',
      approval: { by: 'sam' },
      disposition: { by: 'ana', kind: 'true-match' },
    });
    expect(await stores.alerts.get('t1')).toMatchObject({ status: 'closed', disposition: 'true-match' });
  });

  it('nobody approves their own work, a supervisor included', async () => {
    const c = await createCase(stores, sam, { alertIds: ['g1'] });
    await disposeCase(stores, sam, c.id, { kind: 'true-match', reason: 'invoice names the listed buyer' });
    const own = await refusal(approveCase(stores, sam, c.id));
    expect(own.code).toBe('forbidden');
    expect(own.message).toMatch(/cannot approve it: a second supervisor must/);
    const returned = await returnCase(stores, sol, c.id, 'attach the invoice first');
    expect(returned.disposition).toBeUndefined();
    await disposeCase(stores, sam, c.id, { kind: 'true-match', reason: 'invoice attached' });
    expect((await approveCase(stores, sol, c.id)).status).toBe('closed');
    expect(
      (await refusal(disposeCase(stores, ana, c.id, { kind: 'false-positive', reason: 'x' }))).code,
    ).toBe('conflict');
    expect((await reopenCase(stores, sol, c.id, 'new list version')).status).toBe('in-review');
    const actions = (await stores.audit.find({ target: `case:${c.id}` })).map((e) => e.action).reverse();
    expect(actions).toEqual([
      'case.create',
      'case.disposition',
      'case.return',
      'case.return-reason',
      'case.disposition',
      'case.approve',
      'case.reopen',
      'case.reopen-reason',
    ]);
    expect((await verifyAudit(stores)).ok).toBe(true);
  });
});

describe('false positives on screening alerts', () => {
  it('record the reviewed exception that later screenings honour', async () => {
    const version = await stores.lists.saveVersion({
      list: 'test-list',
      format: 'csv',
      files: [],
      entities: testEntities,
    });
    const query = { id: 'cust-7', name: 'Joaquin Guzman Loera' };
    const lists = [{ list: 'test-list', version: String(version.id), entities: testEntities }];
    const before = createScreener(lists).screen(query);
    const hit = before.find((m) => m.match)!;
    expect(hit.entityId).toBe('P1');
    await stores.alerts.append([
      alert('scr1', 'screening', [query.name], {
        evidence: {
          summary: 'test',
          data: {
            query,
            entity: { list: 'test-list', id: hit.entityId, name: hit.name, listVersion: hit.listVersion },
          },
        },
      }),
      alert('scr2', 'screening', [query.name]),
    ]);
    const c = await createCase(stores, ana, { alertIds: ['scr1', 'scr2'] });
    const result = await disposeCase(stores, ana, c.id, {
      kind: 'false-positive',
      reason: 'customer born 1990',
    });
    expect(result.case.status).toBe('closed');
    expect(result.reviewsRecorded).toEqual(['scr1']);
    expect(result.reviewsNotRecorded).toEqual([
      { alertId: 'scr2', reason: expect.stringMatching(/evidence\.data\.query/) },
    ]);
    const reviews = await stores.reviews.reviews();
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ list: 'test-list', entityId: 'P1', analyst: 'ana' });
    const after = createScreener(lists, { reviews }).screen(query);
    expect(after.find((m) => m.entityId === 'P1' && m.match)).toBeUndefined();
  });
});

describe('assigning alerts outside cases', () => {
  it('lets analysts take alerts, supervisors assign others, and refuses alerts in a case', async () => {
    const { assignAlerts } = await import('./alerts-assign.js');
    expect(await assignAlerts(stores, ana, ['g1', 'w1'], 'ana')).toEqual({ changed: 2 });
    expect((await stores.alerts.get('w1'))?.assignee).toBe('ana');
    expect((await refusal(assignAlerts(stores, ana, ['g1'], 'al'))).code).toBe('forbidden');
    expect((await refusal(assignAlerts(stores, al, ['g1'], null))).code).toBe('forbidden');
    expect(await assignAlerts(stores, sam, ['g1'], null)).toEqual({ changed: 1 });
    await createCase(stores, ana, { alertIds: ['s1'] });
    expect((await refusal(assignAlerts(stores, ana, ['s1'], 'ana'))).message).toMatch(
      /assign the case instead/,
    );
    expect((await stores.audit.find({ action: 'alerts.assign' })).length).toBe(2);
  });
});
