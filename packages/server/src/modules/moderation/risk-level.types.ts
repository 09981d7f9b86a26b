import { builder } from '../../schema/builder.js';
import { riskLevels, warningSigns } from '../content-pipeline/content-pipeline.js';

export const RiskLevelEnum = builder.enumType('RiskLevel', {
  description:
    'How urgent crisis language is, most urgent first: IMMINENT when a plan, means or a time is present; HIGH for direct ideation, ' +
    "intent or self-harm (and a member's crisis report); CONCERN for warning signs that call for a check-in.",
  values: riskLevels,
});

export const WarningSignEnum = builder.enumType('WarningSign', {
  description: 'The warning-sign categories of clinical guidance that crisis detection recognises in a text.',
  values: warningSigns,
});
