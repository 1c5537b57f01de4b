// The OpenAPI sweep (test/worker/api/openapi-sweep.ts) over the operations tagged alert channels.
import { sweepGroup } from "./openapi-sweep";

sweepGroup("alertChannels", 47);
