// Dashboard entry point. Until the dashboard lands (issue #6) it shows the service's health.
import { render } from "preact";
import { HealthPanel } from "./health-panel";

const root = document.getElementById("app");
if (root) render(<HealthPanel />, root);
