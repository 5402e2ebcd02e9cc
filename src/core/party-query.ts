/**
 * A party to screen: a customer, a payment counterparty, a shipper. Only the name is required;
 * every other field is a qualifier that can raise or lower a match score.
 */
import { z } from 'zod';
import { PartialDateSchema, entitySchemas } from './entity.js';

export const PartyQuerySchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1),
  schema: z.enum([...entitySchemas, 'Thing']).optional(),
  birthDate: PartialDateSchema.optional(),
  country: z.string().optional(),
  nationality: z.string().optional(),
  gender: z.enum(['male', 'female']).optional(),
  idNumber: z.string().optional(),
});
export type PartyQuery = z.infer<typeof PartyQuerySchema>;

/** One feature's share of a score, so an analyst can read why and an auditor can replay it. */
export interface FeatureContribution {
  feature: string;
  value: number;
  weight: number;
  detail: string;
}

export interface ScreeningMatch {
  entityId: string;
  list: string;
  listVersion: string;
  name: string;
  matchedAlias: string;
  score: number;
  match: boolean;
  explanation: FeatureContribution[];
  algorithm: string;
}
