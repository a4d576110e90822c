import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { serverNow } from "@/lib/server/platform/clock";
import { getStudentLedger } from "@/lib/server/deadlines/my-deadlines";
import { StudentLedgerView } from "@/components/late-hours/student-ledger";

export const metadata = { title: "Student ledger" };

export default async function StudentLedgerPage({ params }: { params: Promise<{ slug: string; studentId: string }> }) {
  await connection();
  const { slug, studentId } = await params;
  const viewer = await currentViewer();
  const data = await guardPage(() => getStudentLedger({ db: db(), viewer, slug, studentId, now: serverNow() }), {
    returnTo: `/courses/${slug}/late-hours/students/${studentId}`,
  });
  return <StudentLedgerView data={data} canAdjust={data.canAdjust} />;
}
