/**
 * The editable indicator weight set: a JSON file an officer can read and change (weights, reason
 * texts, on/off, parameters), validated so a typo is reported with file, line and field.
 */
import { z } from 'zod';
import { InputError } from '../../core/index.js';

export const ruleKinds = [
  'rarely-seen-party',
  'new-commodity-for-party',
  'rare-hs-code',
  'unit-price-outlier',
  'departure-differs-from-origin',
  'description-inconsistent-with-hs',
  'watchlisted-party',
  'controlled-goods',
] as const;
export type RuleKind = (typeof ruleKinds)[number];

const partyRole = z.enum(['importer', 'seller', 'declarant', 'courier']);

const paramsByKind = {
  'rarely-seen-party': z.strictObject({ party: partyRole, maxSeen: z.number().int().min(0) }),
  'new-commodity-for-party': z.strictObject({ party: partyRole, minPartySeen: z.number().int().min(1) }),
  'rare-hs-code': z.strictObject({ maxSeen: z.number().int().min(0) }),
  'unit-price-outlier': z.strictObject({
    minRobustZ: z.number().positive(),
    minHistory: z.number().int().min(3),
  }),
  'departure-differs-from-origin': z.strictObject({}),
  'description-inconsistent-with-hs': z.strictObject({
    chapterKeywords: z.record(
      z.string().regex(/^\d{2}$/, 'chapter keys are two digits'),
      z.array(z.string().min(2)),
    ),
  }),
  'watchlisted-party': z.strictObject({}),
  'controlled-goods': z.strictObject({}),
} satisfies Record<RuleKind, z.ZodType>;

const RuleSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
  rule: z.enum(ruleKinds),
  enabled: z.boolean(),
  /** Strength in [0, 1]: fired rules combine as 1 − Π(1 − weight). */
  weight: z.number().min(0).max(1),
  /** Text shown to the officer; {placeholders} are filled from the rule's evidence. */
  reason: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
});

const WeightSetSchema = z.strictObject({
  description: z.string().optional(),
  rules: z.array(RuleSchema).min(1),
});

export type IndicatorRule = z.infer<typeof RuleSchema>;
export interface IndicatorWeightSet {
  description?: string;
  rules: IndicatorRule[];
}

/**
 * Parses and validates a weight set. Errors name the file, the line of the offending rule and
 * the field path (`rules[2].weight`).
 * @example parseIndicatorWeights(readFileSync(p, 'utf8'), p).rules.length
 */
export function parseIndicatorWeights(text: string, file: string): IndicatorWeightSet {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const pos = /position (\d+)/.exec(message);
    const lineCol = /line (\d+) column/.exec(message);
    const line = lineCol
      ? Number(lineCol[1])
      : pos
        ? text.slice(0, Number(pos[1])).split('\n').length
        : undefined;
    throw new InputError(`not valid JSON: ${(error as Error).message}`, { file, line });
  }
  const parsed = WeightSetSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(issue.message, {
      file,
      line: lineOfRule(text, issue.path[0] === 'rules' ? Number(issue.path[1]) : Number.NaN),
      field: fieldPath(issue.path),
    });
  }
  const names = new Set<string>();
  parsed.data.rules.forEach((rule, i) => {
    const where = { file, line: lineOfRule(text, i) };
    if (names.has(rule.name))
      throw new InputError(`rule name "${rule.name}" is used twice`, { ...where, field: `rules[${i}].name` });
    names.add(rule.name);
    const params = paramsByKind[rule.rule].safeParse(rule.params);
    if (!params.success) {
      const issue = params.error.issues[0]!;
      throw new InputError(issue.message, {
        ...where,
        field: fieldPath(['rules', i, 'params', ...issue.path]),
      });
    }
    rule.params = params.data as Record<string, unknown>;
  });
  return parsed.data;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/** Line where the i-th rule object starts: the line of its i-th `"name"` key (good enough for hand-edited files). */
function lineOfRule(text: string, index: number): number | undefined {
  if (!Number.isInteger(index) || index < 0) return undefined;
  const re = /"name"\s*:/g;
  let m: RegExpExecArray | null = null;
  for (let i = 0; i <= index; i++) {
    m = re.exec(text);
    if (!m) return undefined;
  }
  return m ? text.slice(0, m.index).split('\n').length : undefined;
}
