// Runs the endpoint suite through the real driver against the default backend (PGlite in memory).

import { defineEndpointSuite } from "./suite.js";

defineEndpointSuite({ kind: "pglite" });
