/**
 * One scoring thread of the targeting benchmark's both-cores figure: loads the model it is handed
 * (as JSON text, parsed here as `targeting score` would), scores its share of the rows, and
 * reports how long the scoring itself took.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  type Declaration,
  parseTargetingModel,
  reasonText,
  TargetingScorer,
} from '../../src/targeting/index.js';

export interface ScoringWorkerInput {
  modelText: string;
  declarations: Declaration[];
  /** Reason texts as well as scores (the CLI's output). */
  explain: boolean;
}

export interface ScoringWorkerOutput {
  scores: Float64Array;
  /** Reason lengths summed, so reason building cannot be optimised away. */
  reasonChars: number;
  /** Seconds spent loading the model, and scoring (after a warm-up), inside the thread. */
  loadSeconds: number;
  scoreSeconds: number;
}

const input = workerData as ScoringWorkerInput;
let t0 = performance.now();
const model = parseTargetingModel(input.modelText, 'model.json');
const scorer = new TargetingScorer(model, {
  explain: input.explain,
  topContributions: input.explain ? 3 : 0,
});
const loadSeconds = (performance.now() - t0) / 1000;
scorer.scoreAll(input.declarations.slice(0, 5000)); // warm up, as the single-thread figure does
t0 = performance.now();
const results = scorer.scoreAll(input.declarations);
const scores = new Float64Array(results.length);
let reasonChars = 0;
results.forEach((r, i) => {
  scores[i] = r.score;
  if (input.explain) reasonChars += reasonText(r).length;
});
const output: ScoringWorkerOutput = {
  scores,
  reasonChars,
  loadSeconds,
  scoreSeconds: (performance.now() - t0) / 1000,
};
parentPort!.postMessage(output, [scores.buffer]);
