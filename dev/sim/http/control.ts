/**
 * The simulator's own control plane under `/__sim/`: the request log, the fault settings and the
 * points meter (`GET` its report, `DELETE` resets the spend, `POST`/`PUT` its settings). No
 * auth, no faults, not logged — it is for the people and tests driving the simulator, not part of Jira.
 */
import type { ServerResponse } from 'node:http';
import type { FaultController } from '../faults/controller';
import type { FaultConfig } from '../faults/config';
import type { PointsConfig } from '../points/config';
import type { PointsMeter } from '../points/meter';
import type { RequestLog } from './request-log';

export interface ControlPlane {
  readonly faults: FaultController;
  readonly log: RequestLog;
  readonly points: PointsMeter;
}

function json(response: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': Buffer.byteLength(text) }).end(text);
}

/** Apply a JSON settings body (empty: `{}`) and answer the settings now in force, or 400 with why not. */
function configure(response: ServerResponse, bodyText: string, set: (config: unknown) => void, current: () => unknown): void {
  try {
    set(bodyText.trim() === '' ? {} : JSON.parse(bodyText));
    return json(response, 200, current());
  } catch (error) {
    return json(response, 400, { errorMessages: [error instanceof Error ? error.message : String(error)], errors: {} });
  }
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
    case 'PUT /__sim/faults':
      return configure(response, bodyText, (config) => plane.faults.set(config as FaultConfig), () => plane.faults.current());
    case 'GET /__sim/points':
      return json(response, 200, plane.points.report());
    case 'DELETE /__sim/points':
      plane.points.reset();
      return json(response, 204);
    case 'POST /__sim/points':
    case 'PUT /__sim/points':
      return configure(response, bodyText, (config) => plane.points.set(config as PointsConfig), () => plane.points.current());
    default:
      return json(response, 404, { errorMessages: [`No simulator control endpoint ${method} ${path}. Try GET /__sim/requests, POST or DELETE /__sim/faults, GET or DELETE /__sim/points.`], errors: {} });
  }
}
