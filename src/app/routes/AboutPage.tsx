export default function AboutPage(_props: Record<string, unknown>) {
  return <section><h1>About</h1><p>Coming soon.</p></section>;
}
