// One labelled form field ("label.field": the caption above its control), shared by the sign-in page and the
// Settings forms so their fields look and read the same.
import type { ComponentChildren } from "preact";

export function Field({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control comes as children, inside the label
    <label class="field">
      <span>{label}</span>
      {children}
    </label>
  );
}
