/**
 * Attributes whose values identify an element across re-renders: test ids, vendors' own stable
 * markers, names and ids that are not generated. Kept apart from the DOM code so the anchor schema
 * (used by the server) imports no browser types.
 */
export const STABLE_ATTRS = [
  'data-testid',
  'data-test-id',
  'data-test',
  'data-id',
  'data-automation-id',
  'data-qa',
  'data-field',
  // Vendors' own stable markers: Salesforce Lightning, ServiceNow workspaces, HubSpot, Help Scout.
  'data-target-selection-name',
  'data-field-name',
  'data-selenium-test',
  'data-cy',
  'name',
  'id',
  'form',
  'type',
] as const;
