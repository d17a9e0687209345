// JSON Schema of findings.json (versioned by schema_version). Consumers (notices, scorecards, the site)
// rely on it; a test validates every evaluation output against it.
const text = { type: 'object', required: ['zh'], properties: { zh: { type: 'string' }, en: { type: 'string' } }, additionalProperties: false };
// Words people read: both languages, always (engine/evaluate/words.ts fills them).
const words = { type: 'object', required: ['zh', 'en'], properties: { zh: { type: 'string' }, en: { type: 'string' } }, additionalProperties: false };
const status = { enum: ['passed', 'failed', 'not-applicable', 'not-reviewed', 'error'] };
const scalar = { type: ['string', 'number'] };

export const FINDINGS_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://charter.invalid/schemas/v1/findings.schema.json',
  title: 'Charter findings',
  type: 'object',
  required: ['$schema', 'schema_version', 'period', 'as_of', 'standard', 'calendar', 'data', 'providers', 'summary', 'findings', 'pledges', 'rollups', 'compile_errors'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    schema_version: { const: 1 },
    period: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
    as_of: { type: 'string' },
    standard: { type: ['object', 'null'] },
    calendar: { type: 'object', required: ['source', 'version', 'years'] },
    data: { type: 'object', required: ['sha256', 'records'], properties: { sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, records: { type: 'object' } } },
    providers: { type: 'array', items: { type: 'object', required: ['id', 'name', 'profile'], properties: { in_service: { type: 'boolean' } } } },
    summary: { type: 'object', required: ['passed', 'failed', 'not-applicable', 'not-reviewed', 'error', 'findings', 'requirements', 'checked'] },
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['requirement', 'type', 'obligation', 'text', 'provider', 'profile', 'scope', 'period', 'status', 'evidence', 'evidence_total'],
        additionalProperties: false,
        properties: {
          requirement: { type: 'string' },
          type: { type: 'string' },
          obligation: { type: 'string' },
          text: { type: 'string' },
          provider: { type: 'string' },
          profile: { type: 'string' },
          plan: { type: 'string' },
          bound_by: { const: 'plans' },
          scope: { type: 'object', required: ['kind', 'id'] },
          period: { type: 'string' },
          status,
          measured: scalar,
          required: scalar,
          unit: { type: 'string' },
          parameter_version: { type: 'string' },
          rules: { type: 'array', items: { type: 'string' } },
          evidence: {
            type: 'array',
            items: {
              type: 'object',
              required: ['outcome'],
              additionalProperties: false,
              properties: { record: { type: 'string' }, unit: { type: 'string' }, cell: { type: 'string' }, outcome: { type: 'string' }, actual: scalar, required: scalar, note: { type: 'string' }, place: { type: 'string' }, inspector: { type: 'string' }, at: { type: 'string' }, round: { type: 'string' }, text: words },
            },
          },
          evidence_total: { type: 'integer', minimum: 0 },
          reason: text,
          // 'no-data', 'no-case', 'pending', 'outside-service' … (a machine reason beside the worded one)
          reason_code: { type: 'string' },
          pending: {
            type: 'array',
            items: { type: 'object', required: ['record', 'limit', 'deadline'], additionalProperties: false, properties: { record: { type: 'string' }, limit: { type: 'string' }, deadline: { type: 'string' } } },
          },
          checklist: { type: 'array', items: text },
          // The finding in words (issue 13 §1): what was measured, the measured value, what is required, where.
          words: { type: 'object', required: ['quantity', 'measured', 'required', 'place'], additionalProperties: false, properties: { quantity: words, measured: words, required: words, place: words } },
        },
      },
    },
    pledges: {
      type: 'array',
      items: {
        type: 'object',
        required: ['requirement', 'limit', 'label', 'provider', 'period', 'limit_value', 'n', 'met', 'missed', 'open_breached', 'open_pending', 'invalid', 'excluded', 'excluded_by_reason', 'rate', 'target'],
        properties: { rate: { type: ['number', 'null'], minimum: 0, maximum: 1 } },
      },
    },
    rollups: { type: 'object', required: ['providers', 'sections', 'clauses'] },
    compile_errors: { type: 'array' },
  },
} as const;
