import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from './testing/api-test-harness.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await apiHarness();
});
afterAll(async () => api.close());

interface MatchResponse {
  responses: Record<
    string,
    {
      status: number;
      results: Array<{
        id: string;
        caption: string;
        schema: string;
        properties: Record<string, string[]>;
        datasets: string[];
        score: number;
        match: boolean;
        explanations: Record<string, { score: number; detail: string | null }>;
      }>;
      total: { value: number; relation: string };
      query: { schema: string; properties: Record<string, unknown> };
    }
  >;
  limit: number;
}

const query = {
  queries: {
    mencho: {
      schema: 'Person',
      properties: {
        name: ['Nemesio Ruben Oseguera Cervantes'],
        birthDate: ['1966-07-17'],
        nationality: ['mx'],
      },
    },
    cartel: { schema: 'Organization', properties: { name: 'Cartel de Sinaloa' } },
    nobody: { schema: 'Person', properties: { firstName: ['Margaret'], lastName: ['Thornbury'] } },
  },
};

describe('POST /match/{dataset} (yente)', () => {
  it('answers each query key in yente’s response shape', async () => {
    const res = await api.as('analyst', '/match/default', { method: 'POST', json: query });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-batch-size')).toBe('3');
    const body = (await res.json()) as MatchResponse;
    expect(Object.keys(body.responses).sort()).toEqual(['cartel', 'mencho', 'nobody']);
    expect(body.limit).toBe(5);
    const mencho = body.responses.mencho!;
    expect(mencho.status).toBe(200);
    expect(mencho.total.relation).toBe('eq');
    expect(mencho.query).toEqual(query.queries.mencho);
    const top = mencho.results[0]!;
    expect(top).toMatchObject({
      id: 'sample-watchlist:OFAC-SDN-17674',
      caption: 'OSEGUERA CERVANTES, Ruben',
      schema: 'Person',
      datasets: ['sample-watchlist'],
      match: true,
    });
    expect(top.properties.birthDate).toEqual(['1966-07-17']);
    expect(top.properties.alias).toContain('El Mencho');
    expect(top.score).toBeGreaterThan(0.7);
    expect(top.explanations.name).toMatchObject({ detail: expect.any(String) });
    expect(top.explanations.birth_date!.score).toBeGreaterThan(0);
    expect(body.responses.cartel!.results[0]).toMatchObject({ schema: 'Organization', match: true });
    expect(body.responses.nobody!.results.filter((r) => r.match)).toEqual([]);
  });

  it('honours limit, threshold, a list name as dataset, and exclude_entity_ids', async () => {
    const one = { queries: { q: query.queries.mencho } };
    const excluded = await api.as(
      'analyst',
      '/match/sample-watchlist?exclude_entity_ids=sample-watchlist:OFAC-SDN-17674',
      {
        method: 'POST',
        json: one,
      },
    );
    const body = (await excluded.json()) as MatchResponse;
    expect(body.responses.q!.results.map((r) => r.id)).not.toContain('sample-watchlist:OFAC-SDN-17674');
    const strict = (await (
      await api.as('analyst', '/match/default?threshold=0.999&limit=1', { method: 'POST', json: one })
    ).json()) as MatchResponse;
    expect(strict.limit).toBe(1);
    expect(strict.responses.q!.results.length).toBeLessThanOrEqual(1);
    expect(strict.responses.q!.results.every((r) => r.match === r.score >= 0.999)).toBe(true);
  });

  it('answers 404 for an unknown dataset and 400 naming the field for a bad example', async () => {
    const unknown = await api.as('analyst', '/match/eu-fsf', { method: 'POST', json: query });
    expect(unknown.status).toBe(404);
    const bad = await api.as('analyst', '/match/default', {
      method: 'POST',
      json: {
        queries: {
          q1: { schema: 'Address', properties: { full: ['x'] } },
          q2: { schema: 'Person', properties: { birthDate: ['1990'] } },
        },
      },
    });
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field);
    expect(fields).toEqual([
      'body.queries.q1.schema',
      'body.queries.q1.properties.name',
      'body.queries.q2.properties.name',
    ]);
    const weights = await api.as('analyst', '/match/default', {
      method: 'POST',
      json: { ...query, weights: { name_literal: 0.8 } },
    });
    expect(((await weights.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe(
      'body.weights',
    );
    const empty = await api.as('analyst', '/match/default', { method: 'POST', json: { queries: {} } });
    expect(empty.status).toBe(400);
  });
});
