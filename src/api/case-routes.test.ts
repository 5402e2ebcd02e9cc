import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness, userOf } from './testing/api-test-harness.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await apiHarness({ maxEvidenceBytes: 2048 });
});
afterAll(async () => api.close());

interface CaseJson {
  id: string;
  status: string;
  version: number;
  alertIds: string[];
  assignee?: string;
  disposition?: { kind: string; by: string };
  approval?: { by: string };
}

/** Screens a listed person with alerts recorded and returns the new alert ids. */
async function screeningAlerts(name: string, birthDate: string): Promise<string[]> {
  const screened = await api.as('analyst', '/screen', {
    method: 'POST',
    json: { party: { id: name, name, schema: 'Person', birthDate }, recordAlerts: true },
  });
  expect(screened.status).toBe(200);
  const body = (await screened.json()) as { alerts: { inserted: number } };
  expect(body.alerts.inserted).toBeGreaterThan(0);
  const page = (await (
    await api.as('analyst', `/alerts?kind=screening&subject=${encodeURIComponent(name)}`)
  ).json()) as {
    alerts: Array<{ id: string }>;
  };
  return page.alerts.map((a) => a.id);
}

async function post(role: Parameters<ApiHarness['as']>[0], path: string, json: unknown): Promise<Response> {
  return api.as(role, path, { method: 'POST', json });
}

describe('cases through the API', () => {
  it('opens a case from alerts, comments, attaches and downloads evidence, moves its status', async () => {
    const alertIds = await screeningAlerts('Abigael Gonzalez Valencia', '1972-10-18');
    const created = await post('analyst', '/cases', {
      alertIds,
      title: 'Abigael Gonzalez Valencia — SDN hit',
    });
    expect(created.status).toBe(201);
    const kase = (await created.json()) as CaseJson;
    expect(created.headers.get('Location')).toBe(`/cases/${kase.id}`);
    expect(kase).toMatchObject({ status: 'open', alertIds: expect.arrayContaining(alertIds) });

    expect((await post('analyst', `/cases/${kase.id}/assign`, { assignee: userOf('analyst') })).status).toBe(
      200,
    );
    expect(
      (await post('analyst', `/cases/${kase.id}/comments`, { text: 'Same date of birth as the listing.' }))
        .status,
    ).toBe(201);

    const file = 'passport scan (redacted)\n';
    const stored = await api.as('analyst', `/cases/${kase.id}/evidence?name=passport.txt`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: file,
    });
    expect(stored.status).toBe(201);
    const evidence = (await stored.json()) as { id: string; sha256: string; bytes: number };
    expect(evidence.bytes).toBe(file.length);
    const download = await api.as('auditor', `/cases/${kase.id}/evidence/${evidence.id}`);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe(file);
    expect(download.headers.get('Content-Disposition')).toContain('attachment');
    expect(download.headers.get('X-Evidence-SHA256')).toBe(evidence.sha256);
    const tooBig = await api.as('analyst', `/cases/${kase.id}/evidence?name=big.bin`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(4096),
    });
    expect(tooBig.status).toBe(413);

    expect((await post('analyst', `/cases/${kase.id}/status`, { status: 'escalated' })).status).toBe(200);
    const stale = await post('analyst', `/cases/${kase.id}/status`, {
      status: 'in-review',
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    const bad = await post('analyst', `/cases/${kase.id}/status`, { status: 'closed' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe('body.status');

    const detail = (await (await api.as('auditor', `/cases/${kase.id}`)).json()) as {
      case: CaseJson;
      alerts: Array<{ id: string; caseId?: string }>;
      comments: unknown[];
      evidence: unknown[];
    };
    expect(detail.case.status).toBe('escalated');
    expect(detail.comments).toHaveLength(1);
    expect(detail.evidence).toHaveLength(1);
    expect(detail.alerts.map((a) => a.id).sort()).toEqual([...kase.alertIds].sort());
    expect((await api.as('analyst', '/cases/case-nope')).status).toBe(404);

    // Every change went to the audit trail, with the caller as the actor.
    const audit = await api.stores.audit.find({ target: `case:${kase.id}`, limit: 1000 });
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['case.create', 'case.assign', 'case.comment', 'case.evidence', 'case.status']),
    );
    expect(audit.every((e) => e.actor.startsWith(userOf('analyst')))).toBe(true);
  });

  it('closes a true match only with a second supervisor’s approval (four-eyes)', async () => {
    const alertIds = await screeningAlerts('Guadalupe Fernandez Valencia', '1960-10-29');
    const kase = (await (
      await post('supervisor', '/cases', { alertIds, title: 'four-eyes' })
    ).json()) as CaseJson;
    const proposed = await post('supervisor', `/cases/${kase.id}/disposition`, {
      disposition: 'true-match',
      reason: 'same CURP',
    });
    expect(proposed.status).toBe(200);
    expect(((await proposed.json()) as { case: CaseJson }).case.status).not.toBe('closed');
    expect((await post('analyst', `/cases/${kase.id}/approval`, {})).status).toBe(403);
    const own = await post('supervisor', `/cases/${kase.id}/approval`, {});
    expect(own.status).toBe(403);
    expect(((await own.json()) as { detail: string }).detail).toMatch(/four-eyes/);
    const approved = await post('supervisor2', `/cases/${kase.id}/approval`, {});
    expect(approved.status).toBe(200);
    expect((await approved.json()) as CaseJson).toMatchObject({
      status: 'closed',
      approval: { by: userOf('supervisor2') },
    });
    expect((await post('analyst', `/cases/${kase.id}/status`, { status: 'escalated' })).status).toBe(409);
    expect(
      (await post('supervisor2', `/cases/${kase.id}/reopen`, { reason: 'new information' })).status,
    ).toBe(200);
  });

  it('records a false positive as an exception later screenings honour', async () => {
    const party = {
      id: 'Modesta Zambada',
      name: 'Modesta Zambada',
      schema: 'Person',
      birthDate: '1982-11-22',
    };
    const alertIds = await screeningAlerts(party.name, party.birthDate);
    const kase = (await (await post('analyst', '/cases', { alertIds, title: 'fp' })).json()) as CaseJson;
    const disposed = await post('analyst', `/cases/${kase.id}/disposition`, {
      disposition: 'false-positive',
      reason: 'customer is a different person: other place of birth',
    });
    expect(disposed.status).toBe(200);
    const result = (await disposed.json()) as { case: CaseJson; reviewsRecorded: string[] };
    expect(result.case.status).toBe('closed');
    expect(result.reviewsRecorded.length).toBeGreaterThan(0);
    const again = (await (await post('analyst', '/screen', { party })).json()) as {
      matches: Array<{ entityId: string }>;
      cleared: Array<{ entityId: string; analyst: string; reason: string }>;
    };
    // The reviewed match is left out and shown as cleared, by whom and why (while the listing is unchanged).
    expect(again.matches.map((m) => m.entityId)).not.toContain('OFAC-SDN-10356');
    expect(again.cleared).toEqual([
      expect.objectContaining({
        entityId: 'OFAC-SDN-10356',
        analyst: expect.stringContaining('analyst-user'),
      }),
    ]);
  });
});
