import { componentScenarios } from './components';
import { dynamicsScenarios } from './dynamics365';
import { genericScenarios } from './generic';
import { hubspotScenarios } from './hubspot';
import { jiraScenarios } from './jira';
import { jiraBoardScenarios } from './jira-board';
import { keyedRowScenarios } from './keyed-rows';
import { panelScenarios } from './panels';
import { salesforceScenarios } from './salesforce';
import { salesforceRelatedScenarios } from './salesforce-related';
import { polarisScenarios } from './servicenow-polaris';
import { serviceNowScenarios } from './servicenow';
import { shadowFrameScenarios } from './shadow-frames';
import type { Scenario } from './types';
import { workdayScenarios } from './workday';
import { zendeskScenarios } from './zendesk';
import { zendeskLargeScenarios } from './zendesk-large';

/** Every scenario, by app; the suite's numbers are over this list. */
export const scenarios: Scenario[] = [
  ...zendeskScenarios,
  ...zendeskLargeScenarios,
  ...salesforceScenarios,
  ...salesforceRelatedScenarios,
  ...serviceNowScenarios,
  ...polarisScenarios,
  ...jiraScenarios,
  ...jiraBoardScenarios,
  ...hubspotScenarios,
  ...dynamicsScenarios,
  ...workdayScenarios,
  ...genericScenarios,
  ...shadowFrameScenarios,
  ...keyedRowScenarios,
  ...panelScenarios,
  ...componentScenarios,
];
