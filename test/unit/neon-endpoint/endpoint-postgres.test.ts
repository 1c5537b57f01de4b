// Runs the endpoint suite against a real PostgreSQL server when NEON_ENDPOINT_TEST_POSTGRES_URL
// names one (an admin connection string); see dev/neon-endpoint/README.md for starting one.

import { describe } from "vitest";
import { POSTGRES_URL } from "./fixture.js";
import { defineEndpointSuite } from "./suite.js";

describe.skipIf(POSTGRES_URL === undefined)(
  "postgres backend (runs only when NEON_ENDPOINT_TEST_POSTGRES_URL=postgres://... is set)",
  () => {
    defineEndpointSuite({ kind: "postgres", url: POSTGRES_URL ?? "" });
  },
);
