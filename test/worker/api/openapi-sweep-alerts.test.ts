// The OpenAPI sweep (test/worker/api/openapi-sweep.ts) over the operations tagged alerts and telegram.
import { sweepGroup } from "./openapi-sweep";

sweepGroup("alerts", 45);
