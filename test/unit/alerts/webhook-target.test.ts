// Where alerts may be POSTed: public https hosts only, in every spelling of an internal address the URL parser
// accepts; plain http to this machine only where the Worker runs locally.
import { describe, expect, it } from "vitest";
import { blockedHostReason, webhookUrlProblem } from "../../../worker/alerts/webhook-target";

describe("webhookUrlProblem", () => {
  it("refuses loopback, private, link-local and internal hosts however they are written", () => {
    for (const url of [
      "https://169.254.169.254/latest/meta-data",
      "https://10.0.0.1/x",
      "https://172.20.1.1/x",
      "https://192.168.1.1/x",
      "https://100.64.0.1/x",
      "https://0.0.0.0/x",
      "https://[::1]/x",
      "https://[::ffff:169.254.169.254]/x",
      "https://[fd00::1]/x",
      "https://0x7f000001/x",
      "https://2130706433/x",
      "https://127.1/x",
      "https://localhost./x",
      "https://printer.local/x",
      "https://metadata.google.internal/x",
      "https://metadata/x",
    ]) {
      expect(webhookUrlProblem(url, false), url).toMatch(/^url: must be a public host, not /);
    }
  });

  it("accepts public https hosts, and local http only where allowed", () => {
    expect(webhookUrlProblem("https://hooks.example.com/mi", false)).toBeNull();
    expect(webhookUrlProblem("https://8.8.8.8/x", false)).toBeNull();
    expect(webhookUrlProblem("https://172.32.0.1/x", false)).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:9000/hook", true)).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:9000/hook", false)).toBe("url: must be https://");
    expect(webhookUrlProblem("http://hooks.example.com/x", true)).toBe("url: must be https://");
    expect(webhookUrlProblem("https://user:pw@hooks.example.com", false)).toMatch(/user name/);
  });

  it("names why a host is blocked", () => {
    expect(blockedHostReason("169.254.169.254")).toBe("a private, loopback or reserved address");
    expect(blockedHostReason("[::1]")).toMatch(/IPv6/);
    expect(blockedHostReason("hooks.example.com")).toBeNull();
  });
});
