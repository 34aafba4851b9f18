/** The learner's confidential 360 reports: being built (issue 10). */
export default function ReportPage() {
  return <h1>Your 360 reports</h1>;
}
