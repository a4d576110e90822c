import { connection } from "next/server";
import { db } from "@/lib/server/db";
import { currentViewer } from "@/lib/server/session";
import { guardPage } from "@/lib/server/page-guard";
import { serverNow } from "@/lib/server/clock";
import { getStudentLedger } from "@/lib/server/deadlines";
import { StudentLedgerView } from "@/components/deadlines/student-ledger";

export const metadata = { title: "Student ledger" };

export default async function StudentLedgerPage({ params }: { params: Promise<{ slug: string; studentId: string }> }) {
  await connection();
  const { slug, studentId } = await params;
  const viewer = await currentViewer();
  const data = await guardPage(() => getStudentLedger({ db: db(), viewer, slug, studentId, now: serverNow() }), { returnTo: `/courses/${slug}/late-hours/students/${studentId}` });
  return <StudentLedgerView data={data} canAdjust={data.canAdjust} />;
}
