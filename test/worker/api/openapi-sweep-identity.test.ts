// The OpenAPI sweep (test/worker/api/openapi-sweep.ts) over the operations tagged health, auth and api keys.
import { sweepGroup } from "./openapi-sweep";

sweepGroup("identity", 40);
