import { describe, expect, it } from 'vitest';
import { type Action, actions, can, roles, tokenCan } from './index.js';

/** The matrix as the documentation states it; a change to either must change both. */
const expected: Record<Action, string> = {
  // analyst, supervisor, admin, auditor
  'screening.run': 'YYNN',
  'analysis.run': 'YYNN',
  'alerts.read': 'YYNY',
  'cases.read': 'YYNY',
  'cases.create': 'YYNN',
  'cases.assign': 'YYNN',
  'cases.assign-others': 'NYNN',
  'cases.comment': 'YYNN',
  'cases.evidence': 'YYNN',
  'cases.status': 'YYNN',
  'cases.disposition': 'YYNN',
  'cases.approve': 'NYNN',
  'cases.reopen': 'NYNN',
  'reviews.read': 'YYNY',
  'lists.read': 'YYYY',
  'lists.import': 'NNYN',
  'users.read': 'NNYY',
  'users.manage': 'NNYN',
  'tokens.manage': 'NNYN',
  'audit.read': 'NYYY',
  'audit.verify': 'NNYY',
  'audit.checkpoint': 'NNYY',
  'audit.export': 'NNYY',
  'metrics.read': 'NNYY',
};

describe('permission matrix', () => {
  it.each(actions)('%s', (action) => {
    const row = roles.map((role) => (can(role, action) ? 'Y' : 'N')).join('');
    expect(row).toBe(expected[action]);
  });

  it('gives the auditor no state-changing case, list or user action', () => {
    const changing = actions.filter((a) => !a.endsWith('.read') && !a.startsWith('audit.'));
    expect(changing.filter((a) => can('auditor', a))).toEqual([]);
  });

  it('lets only supervisors approve', () => {
    expect(roles.filter((r) => can(r, 'cases.approve'))).toEqual(['supervisor']);
  });
});

describe('token scopes', () => {
  it('need both the role and a covering scope', () => {
    expect(tokenCan('analyst', ['screen'], 'screening.run')).toBe(true);
    expect(tokenCan('analyst', ['screen'], 'cases.disposition')).toBe(false);
    expect(tokenCan('analyst', ['cases'], 'cases.approve')).toBe(false);
    expect(tokenCan('supervisor', ['cases'], 'cases.approve')).toBe(true);
    expect(tokenCan('auditor', ['read'], 'cases.read')).toBe(true);
    expect(tokenCan('auditor', ['cases'], 'cases.create')).toBe(false);
    expect(tokenCan('admin', [], 'users.manage')).toBe(false);
  });
});
