/**
 * The simulator's own control plane under `/__sim/`: the request log and the fault settings. No
 * auth, no faults, not logged — it is for the people and tests driving the simulator, not part of Jira.
 */
import type { ServerResponse } from 'node:http';
import type { FaultController } from '../faults/controller';
import type { RequestLog } from './request-log';

export interface ControlPlane {
  readonly faults: FaultController;
  readonly log: RequestLog;
}

function json(response: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': Buffer.byteLength(text) }).end(text);
}

export function handleControl(plane: ControlPlane, method: string, path: string, bodyText: string, response: ServerResponse): void {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  switch (route) {
    case 'GET /__sim/requests':
      return json(response, 200, plane.log.all());
    case 'DELETE /__sim/requests':
      plane.log.clear();
      return json(response, 204);
    case 'GET /__sim/faults':
      return json(response, 200, plane.faults.current());
    case 'DELETE /__sim/faults':
      plane.faults.clear();
      return json(response, 204);
    case 'POST /__sim/faults':
    case 'PUT /__sim/faults': {
      try {
        plane.faults.set(bodyText.trim() === '' ? {} : JSON.parse(bodyText));
        return json(response, 200, plane.faults.current());
      } catch (error) {
        return json(response, 400, { errorMessages: [error instanceof Error ? error.message : String(error)], errors: {} });
      }
    }
    default:
      return json(response, 404, { errorMessages: [`No simulator control endpoint ${method} ${path}. Try GET /__sim/requests, POST or DELETE /__sim/faults.`], errors: {} });
  }
}
