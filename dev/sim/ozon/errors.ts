// Ozon's error body {"code","message","details"} for every error the simulator can answer.

import type { Reply } from "../reply.js";

export function ozonError(status: number, code: number, message: string): Reply {
  return { status, json: { code, message, details: [] } };
}

export const ozonErrors = {
  missingHeaders: () => ozonError(401, 16, "Client-Id and Api-Key headers are required"),
  badClientId: () => ozonError(400, 3, "Invalid Client-Id: must be an integer"),
  badApiKey: () => ozonError(404, 5, "Invalid Api-Key, please contact support"),
  rateLimited: () => ozonError(429, 8, "You have reached request rate limit per second"),
  serverError: (status = 500) => ozonError(status, 13, "internal error"),
  circleOpen: (status = 503) => ozonError(status, 14, "Circle is open"),
  switchedOff: () => ozonError(404, 5, "Not Found"),
  badRequest: (message: string) => ozonError(400, 3, message),
};
