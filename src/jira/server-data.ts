/**
 * Recognising Jira Server / Data Center JSON handed to code that reads Jira Cloud. The two differ in
 * ways that otherwise surface as a vague "unexpected shape": Server writes the sprint field as
 * strings (`com.atlassian.greenhopper.service.sprint.Sprint@1a2b[id=3,state=ACTIVE,name=…]`) and
 * names people by `name`/`key` where Cloud has `accountId` (Cloud removed usernames in 2019 for
 * privacy; https://developer.atlassian.com/cloud/jira/platform/deprecation-notice-user-privacy-api-migration-guide/).
 * Saying so tells the admin the fix: export from the Cloud site.
 */

/** Why the value looks like Server/Data Center data, or undefined when it does not. */
export function serverDataCenterSign(field: 'sprint' | 'person', value: unknown): string | undefined {
  if (field === 'sprint') {
    const list = Array.isArray(value) ? value : [value];
    return list.some((v) => typeof v === 'string' && /greenhopper\.service\.sprint\.Sprint@/.test(v)) ? 'its sprints are written as text' : undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const person = value as Record<string, unknown>;
  return person['accountId'] === undefined && (typeof person['name'] === 'string' || typeof person['key'] === 'string')
    ? 'it names a person by user name, without an account id'
    : undefined;
}

/** The sentence for a note: what was seen, what it means, what to do. */
export function serverDataCenterNote(label: string, fieldId: string, sign: string): string {
  return `${label} (${fieldId}) looks like Jira Server/Data Center data (${sign}); Interrupt Budget reads Jira Cloud, so it was treated as not set. Export the issue from a Jira Cloud site.`;
}
