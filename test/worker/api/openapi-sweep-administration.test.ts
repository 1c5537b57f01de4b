// The OpenAPI sweep (test/worker/api/openapi-sweep.ts) over the operations tagged users and settings.
import { sweepGroup } from "./openapi-sweep";

sweepGroup("administration", 41);
