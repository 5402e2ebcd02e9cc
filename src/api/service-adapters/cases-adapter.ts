/** The case routes' view of the case services: the caller as the services' principal, nothing else added. */
import type { Stores } from '../../core/index.js';
import { approveCase, disposeCase, reopenCase, returnCase } from '../../services/case-dispositions.js';
import {
  assignCase,
  attachEvidence,
  changeCaseStatus,
  commentOnCase,
  createCase,
  evidenceFile,
  getCase,
  listCases,
} from '../../services/cases.js';
import { samePartyByName } from '../../services/cases-same-party.js';
import type { ApiCases } from '../api-dependencies.js';
import { servicePrincipal as as } from './access-adapter.js';

export function casesAdapter(stores: Stores, options: { maxEvidenceBytes: number }): ApiCases {
  return {
    list: (actor, query) =>
      listCases(stores, as(actor), {
        ...(query.status ? { status: query.status } : {}),
        ...(query.assignee ? { assignee: query.assignee } : {}),
        ...(query.awaitingApproval !== undefined ? { awaitingApproval: query.awaitingApproval } : {}),
        limit: query.limit,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      }),
    get: (actor, id) => getCase(stores, as(actor), id),
    async create(actor, input) {
      return createCase(stores, as(actor), {
        alertIds: input.alertIds,
        title: input.title,
        ...(input.assignee ? { assignee: input.assignee } : {}),
        ...(input.linkSameParty ? { sameParty: await samePartyByName() } : {}),
      });
    },
    assign: (actor, id, assignee, expectedVersion) =>
      assignCase(stores, as(actor), id, assignee, expectedVersion),
    comment: (actor, id, text) => commentOnCase(stores, as(actor), id, text),
    attachEvidence: (actor, id, file) =>
      attachEvidence(stores, as(actor), id, file, { maxBytes: options.maxEvidenceBytes }),
    async evidenceFile(actor, id, evidenceId) {
      const found = await evidenceFile(stores, as(actor), evidenceId);
      return found.meta.caseId === id ? { evidence: found.meta, content: found.content } : undefined;
    },
    changeStatus: (actor, id, status, expectedVersion) =>
      changeCaseStatus(stores, as(actor), id, status, expectedVersion),
    dispose: (actor, id, input) =>
      disposeCase(stores, as(actor), id, {
        kind: input.disposition,
        reason: input.reason,
        ...(input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {}),
      }),
    approve: (actor, id, expectedVersion) => approveCase(stores, as(actor), id, expectedVersion),
    returnForWork: (actor, id, reason, expectedVersion) =>
      returnCase(stores, as(actor), id, reason, expectedVersion),
    reopen: (actor, id, reason, expectedVersion) =>
      reopenCase(stores, as(actor), id, reason, expectedVersion),
  };
}
