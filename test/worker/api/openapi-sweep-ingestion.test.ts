// The OpenAPI sweep (test/worker/api/openapi-sweep.ts) over the operations tagged accounts and runs.
import { sweepGroup } from "./openapi-sweep";

sweepGroup("ingestion", 44);
