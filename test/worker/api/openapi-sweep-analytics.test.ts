// The OpenAPI sweep (test/worker/api/openapi-sweep.ts) over the operations tagged analytics.
import { sweepGroup } from "./openapi-sweep";

sweepGroup("analytics", 42);
