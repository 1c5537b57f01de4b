// Dashboard entry point: styles, theme and language first (no flash of the wrong ones), then the app.
import "./styles.css";
import "./lib/theme";
import "./i18n/locale";
import { render } from "preact";
import { App } from "./app";

const root = document.getElementById("app");
if (root) render(<App />, root);
