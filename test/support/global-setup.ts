import type { TestProject } from "vitest/node";
export default function setup(project: TestProject) {
  project.provide("neonSqlUrl", "http://127.0.0.1:1/sql");
  project.provide("neonUrl", "http://127.0.0.1:1");
  project.provide("databaseUrl", "postgresql://local:local@127.0.0.1:1/main");
  project.provide("simulatorUrl", "http://127.0.0.1:2");
}
declare module "vitest" {
  export interface ProvidedContext { neonSqlUrl: string; neonUrl: string; databaseUrl: string; simulatorUrl: string }
}
