import { genericScenarios } from './generic';
import { jiraScenarios } from './jira';
import { salesforceScenarios } from './salesforce';
import { serviceNowScenarios } from './servicenow';
import { shadowFrameScenarios } from './shadow-frames';
import type { Scenario } from './types';
import { zendeskScenarios } from './zendesk';

/** Every scenario, by app; the suite's numbers are over this list. */
export const scenarios: Scenario[] = [
  ...zendeskScenarios,
  ...salesforceScenarios,
  ...serviceNowScenarios,
  ...jiraScenarios,
  ...genericScenarios,
  ...shadowFrameScenarios,
];
