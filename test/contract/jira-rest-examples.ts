/**
 * Payloads copied verbatim from shared/reference/jira-rest.md (the team's Jira research notes), so the
 * contract tests check the toolkit against the shapes the client and simulator are being built from. Copied,
 * not parsed out of the markdown at test time, so that editing the notes cannot silently change a test.
 */

/** jira-rest.md §1, "Example — search/jql page": the request body (POST /rest/api/3/search/jql). */
export const SEARCH_JQL_REQUEST = {
  "jql": "project = SUP AND issuetype in (Bug, Incident, \"[System] Service request\") AND statusCategory != Done AND created >= -14d ORDER BY created DESC",
  "fields": [
    "summary",
    "priority",
    "labels",
    "status",
    "issuetype",
    "created",
    "customfield_10016",
    "customfield_10020",
    "customfield_10081",
    "customfield_10031",
    "timespent",
    "aggregatetimespent",
    "timeoriginalestimate"
  ],
  "properties": [
    "triage-decision"
  ],
  "maxResults": 50
};

/** jira-rest.md §1, "Example — search/jql page": the response (SearchAndReconcileResults). */
export const SEARCH_JQL_PAGE = {
  "issues": [
    {
      "expand": "operations,versionedRepresentations,editmeta,changelog,renderedFields",
      "id": "10457",
      "key": "SUP-231",
      "self": "https://your-domain.atlassian.net/rest/api/3/issue/10457",
      "fields": {
        "summary": "Checkout returns 500 for EU customers",
        "priority": {
          "self": "https://your-domain.atlassian.net/rest/api/3/priority/2",
          "iconUrl": "https://your-domain.atlassian.net/images/icons/priorities/high.svg",
          "name": "High",
          "id": "2"
        },
        "labels": [
          "customer-reported",
          "eu"
        ],
        "status": {
          "name": "Waiting for support",
          "id": "10008",
          "statusCategory": {
            "id": 4,
            "key": "indeterminate",
            "name": "In Progress"
          }
        },
        "issuetype": {
          "id": "10004",
          "name": "Bug",
          "subtask": false,
          "hierarchyLevel": 0
        },
        "created": "2026-11-18T09:12:44.120+0000",
        "customfield_10016": 3,
        "customfield_10020": [
          {
            "id": 42,
            "name": "PLAT Sprint 42",
            "state": "active",
            "boardId": 7,
            "goal": "Payments hardening",
            "startDate": "2026-11-10T08:00:00.000Z",
            "endDate": "2026-11-24T08:00:00.000Z"
          }
        ],
        "customfield_10081": {
          "self": "https://your-domain.atlassian.net/rest/api/3/customFieldOption/10120",
          "value": "Sev 2",
          "id": "10120"
        },
        "customfield_10031": {
          "id": "2",
          "name": "Time to resolution",
          "_links": {
            "self": "https://your-domain.atlassian.net/rest/servicedeskapi/request/10457/sla/2"
          },
          "completedCycles": [],
          "ongoingCycle": {
            "breached": false,
            "paused": false,
            "withinCalendarHours": true,
            "goalDuration": {
              "millis": 28800000,
              "friendly": "8h"
            },
            "elapsedTime": {
              "millis": 3600000,
              "friendly": "1h"
            },
            "remainingTime": {
              "millis": 25200000,
              "friendly": "7h"
            },
            "startTime": {
              "epochMillis": 1795511564120
            },
            "breachTime": {
              "epochMillis": 1795540364120
            }
          },
          "slaDisplayFormat": "NEW_SLA_FORMAT"
        },
        "timespent": 5400,
        "aggregatetimespent": 5400,
        "timeoriginalestimate": 14400
      },
      "properties": {
        "triage-decision": {
          "decision": "sprint",
          "sprintId": 42,
          "decidedBy": "5b10a2844c20165700ede21g",
          "at": "2026-11-18T10:02:00Z"
        }
      }
    }
  ],
  "nextPageToken": "CAEaAggD",
  "isLast": false
};

/** jira-rest.md §2, "Example — sprint list page" (the spec's own example for GET /rest/agile/1.0/board/{boardId}/sprint). */
export const SPRINT_PAGE = {
  "isLast": false,
  "maxResults": 2,
  "startAt": 1,
  "total": 5,
  "values": [
    {
      "id": 37,
      "self": "https://your-domain.atlassian.net/rest/agile/1.0/sprint/23",
      "state": "closed",
      "name": "sprint 1",
      "startDate": "2015-04-11T15:22:00.000+10:00",
      "endDate": "2015-04-20T01:22:00.000+10:00",
      "completeDate": "2015-04-20T11:04:00.000+10:00",
      "originBoardId": 5,
      "goal": "sprint 1 goal"
    },
    {
      "id": 72,
      "self": "https://your-domain.atlassian.net/rest/agile/1.0/sprint/73",
      "state": "future",
      "name": "sprint 2",
      "goal": "sprint 2 goal"
    }
  ]
};

/** jira-rest.md §5, "Example — worklog page" (GET /rest/api/3/issue/SUP-231/worklog?startedAfter=1794297600000&startedBefore=1795507200000&maxResults=100). */
export const WORKLOG_PAGE = {
  "startAt": 0,
  "maxResults": 100,
  "total": 2,
  "worklogs": [
    {
      "id": "100028",
      "issueId": "10457",
      "self": "https://your-domain.atlassian.net/rest/api/3/issue/10457/worklog/100028",
      "author": {
        "accountId": "5b10a2844c20165700ede21g",
        "active": true,
        "displayName": "Mia Krystof"
      },
      "updateAuthor": {
        "accountId": "5b10a2844c20165700ede21g",
        "active": true,
        "displayName": "Mia Krystof"
      },
      "comment": {
        "type": "doc",
        "version": 1,
        "content": [
          {
            "type": "paragraph",
            "content": [
              {
                "type": "text",
                "text": "Reproduced and patched config."
              }
            ]
          }
        ]
      },
      "created": "2026-11-18T11:00:03.211+0000",
      "updated": "2026-11-18T11:00:03.211+0000",
      "started": "2026-11-18T09:30:00.000+0000",
      "timeSpent": "1h 30m",
      "timeSpentSeconds": 5400
    },
    {
      "id": "100031",
      "issueId": "10457",
      "self": "https://your-domain.atlassian.net/rest/api/3/issue/10457/worklog/100031",
      "author": {
        "accountId": "712020:8c1e…",
        "active": true,
        "displayName": "Sam Lee"
      },
      "created": "2026-11-19T16:12:40.000+0000",
      "updated": "2026-11-19T16:12:40.000+0000",
      "started": "2026-11-19T14:00:00.000+0000",
      "timeSpent": "45m",
      "timeSpentSeconds": 2700
    }
  ]
};

/** jira-rest.md §6: the ADF comment body for POST /rest/api/3/issue/{key}/comment. */
export const ADF_COMMENT_REQUEST = {
  "body": {
    "type": "doc",
    "version": 1,
    "content": [
      {
        "type": "paragraph",
        "content": [
          {
            "type": "text",
            "text": "Triage: ",
            "marks": [
              {
                "type": "strong"
              }
            ]
          },
          {
            "type": "text",
            "text": "accepted into PLAT Sprint 42 (support allocation 62% used)."
          }
        ]
      }
    ]
  }
};

/** jira-rest.md §7: GET /rest/api/3/mypermissions response. */
export const MY_PERMISSIONS = {
  "permissions": {
    "ADMINISTER_PROJECTS": {
      "id": "23",
      "key": "ADMINISTER_PROJECTS",
      "name": "Administer Projects",
      "type": "PROJECT",
      "description": "Ability to administer a project in Jira.",
      "havePermission": false
    },
    "BROWSE_PROJECTS": {
      "id": "10",
      "key": "BROWSE_PROJECTS",
      "name": "Browse Projects",
      "type": "PROJECT",
      "description": "Ability to browse projects and the issues within them.",
      "havePermission": true
    }
  }
};
