/** A case rule said no (wrong state, four-eyes, missing reason): the door shows the message as is. */

export type CaseRuleCode =
  | 'transition'
  | 'closed'
  | 'awaiting-approval'
  | 'not-awaiting-approval'
  | 'four-eyes'
  | 'not-supervisor'
  | 'invalid'
  | 'too-large';

export class CaseRuleError extends Error {
  constructor(
    readonly code: CaseRuleCode,
    message: string,
  ) {
    super(message);
    this.name = 'CaseRuleError';
  }
}
