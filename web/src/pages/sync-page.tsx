// Placeholder until this page lands.
export default function Page() {
  return <section class="page">sync</section>;
}
