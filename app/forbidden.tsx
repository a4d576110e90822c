import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-bold">You do not have access to this page</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">It belongs to course staff or to another student.</p>
      <p className="mt-4">
        <Link href="/courses">Back to courses</Link>
      </p>
    </div>
  );
}
