export default function DataPage(_props: Record<string, unknown>) {
  return <section><h1>Data</h1><p>Coming soon.</p></section>;
}
