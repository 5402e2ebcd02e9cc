/**
 * The shape a targeting model file must have before any of it is used. A model is a file an
 * officer may copy, edit or receive from elsewhere: a missing section must be a clear error, not a
 * stack trace, and a corrupt tree (a feature or child index out of range, a cycle, a null leaf)
 * must be refused rather than silently change every score. zod checks the shape; the tree walk
 * checks each tree is a proper binary tree over the model's features.
 */
import { z } from 'zod';

const finite = z.number().finite();
/** JSON writes Infinity and NaN as null: thresholds, bin edges and unknown days may be null. */
const finiteOrNull = z.number().finite().nullable();
const index = z.number().int();

const TreeSchema = z.strictObject({
  feature: z.array(index.min(0)),
  threshold: z.array(finiteOrNull),
  binThreshold: z.array(index.min(0)),
  missingLeft: z.array(z.union([z.literal(0), z.literal(1)])),
  left: z.array(index),
  right: z.array(index),
  nodeValue: z.array(finite),
  leafValue: z.array(finite).min(1),
});

const BoosterSchema = z
  .strictObject({
    featureCount: index.min(1),
    baseScore: finite,
    edges: z.array(z.array(finiteOrNull)),
    trees: z.array(TreeSchema).min(1),
    bestRound: index.min(0),
    history: z.array(z.object({ round: index, trainLoss: finiteOrNull, validLoss: finiteOrNull.optional() })),
  })
  .superRefine((booster, ctx) => {
    if (booster.edges.length !== booster.featureCount) {
      ctx.addIssue({
        code: 'custom',
        path: ['edges'],
        message: `has ${booster.edges.length} feature edge lists, expected featureCount ${booster.featureCount}`,
      });
    }
    booster.trees.forEach((tree, t) => {
      const problem = treeProblem(tree, booster.featureCount);
      if (problem)
        ctx.addIssue({ code: 'custom', path: ['trees', t, ...problem.path], message: problem.message });
    });
  });

/** Why a tree is not a proper binary tree over `featureCount` features, or undefined when it is. */
export function treeProblem(
  tree: z.infer<typeof TreeSchema>,
  featureCount: number,
): { path: (string | number)[]; message: string } | undefined {
  const nodes = tree.feature.length;
  for (const key of ['threshold', 'binThreshold', 'missingLeft', 'left', 'right', 'nodeValue'] as const) {
    if (tree[key].length !== nodes)
      return {
        path: [key],
        message: `has ${tree[key].length} entries, expected one per split node (${nodes})`,
      };
  }
  const leaves = tree.leafValue.length;
  if (leaves !== nodes + 1)
    return {
      path: ['leafValue'],
      message: `has ${leaves} leaves, a tree with ${nodes} splits has ${nodes + 1}`,
    };
  for (let j = 0; j < nodes; j++) {
    if (tree.feature[j]! >= featureCount)
      return {
        path: ['feature', j],
        message: `feature index ${tree.feature[j]} is out of range (0 … ${featureCount - 1})`,
      };
  }
  if (nodes === 0) return undefined;
  // Every node and leaf reached exactly once from the root: no dangling index, no cycle, no sharing.
  const seenNode = new Uint8Array(nodes);
  const seenLeaf = new Uint8Array(leaves);
  const stack = [0];
  seenNode[0] = 1;
  while (stack.length > 0) {
    const j = stack.pop()!;
    for (const side of ['left', 'right'] as const) {
      const child = tree[side][j]!;
      if (child >= 0) {
        if (child >= nodes)
          return { path: [side, j], message: `child index ${child} is out of range (0 … ${nodes - 1})` };
        if (seenNode[child])
          return { path: [side, j], message: `node ${child} is reached twice (a cycle or shared node)` };
        seenNode[child] = 1;
        stack.push(child);
      } else {
        const leaf = ~child;
        if (leaf >= leaves)
          return {
            path: [side, j],
            message: `leaf index ${leaf} (stored as ${child}) is out of range (0 … ${leaves - 1})`,
          };
        if (seenLeaf[leaf]) return { path: [side, j], message: `leaf ${leaf} is reached twice` };
        seenLeaf[leaf] = 1;
      }
    }
  }
  const unreached = seenNode.indexOf(0);
  if (unreached >= 0)
    return { path: ['feature', unreached], message: `node ${unreached} is not reachable from the root` };
  return undefined;
}

const boosterParams = {
  rounds: index.min(0),
  learningRate: finite.positive(),
  maxLeaves: index.min(1),
  maxDepth: index.min(0),
  minDataInLeaf: index.min(0),
  minSumHessianInLeaf: finite.min(0),
  minGainToSplit: finite.min(0),
  lambda: finite.min(0),
  rowSample: finite.gt(0).max(1),
  featureSample: finite.gt(0).max(1),
  earlyStoppingRounds: index.min(0),
  maxBins: index.min(2),
  seed: z.number().int(),
};

const KeyColumnsSchema = z
  .object({
    first: z.array(z.union([z.string(), z.number()])),
    second: z.array(z.union([z.string(), z.number()])).optional(),
    seen: z.array(finite),
    fraud: z.array(finite),
    critical: z.array(finite),
    lastDay: z.array(finiteOrNull),
  })
  .refine(
    (c) =>
      [c.seen, c.fraud, c.critical, c.lastDay, ...(c.second ? [c.second] : [])].every(
        (a) => a.length === c.first.length,
      ),
    { message: 'columns differ in length' },
  );

export const TargetingModelSchema = z.object({
  format: z.string(),
  createdAt: z.string(),
  recipe: z.object({
    booster: z.object(boosterParams),
    critical: z.object(boosterParams).partial(),
    features: z.object({
      smoothing: finite.min(0),
      excludedKeys: z.array(z.string()),
      excludeAmounts: z.boolean().optional(),
    }),
  }),
  training: z.object({
    sources: z.array(z.string()),
    rows: index.min(0),
    fraud: index.min(0),
    firstDate: z.string(),
    lastDate: z.string(),
    validRows: index.min(0),
  }),
  featureNames: z.array(z.string()),
  featureWeights: z.unknown(),
  booster: BoosterSchema,
  criticalBooster: BoosterSchema.optional(),
  history: z.object({
    total: z.object({ seen: finite, fraud: finite, critical: finite, lastDay: finiteOrNull }),
    keys: z.record(z.string(), KeyColumnsSchema),
    priceNorms: z
      .object({
        hs6: z.array(z.string()),
        median: z.array(finite),
        mad: z.array(finite),
        count: z.array(finite),
      })
      .refine((p) => [p.median, p.mad, p.count].every((a) => a.length === p.hs6.length), {
        message: 'columns differ in length',
      }),
  }),
});
