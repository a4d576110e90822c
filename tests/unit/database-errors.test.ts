// How route handlers and actions classify database errors: the shapes below are what
// Prisma 6 with @prisma/adapter-pg threw while PostgreSQL restarted (tests/fault), and
// what PostgreSQL answers for text it cannot store (tests/integration/fuzz.test.ts).
import { describe, expect, it } from "vitest";
import { errorResponse, isDatabaseUnavailable } from "@/lib/server/platform/route";
import { isStorableText, isUnstorableTextError } from "@/lib/server/platform/storable";

function prismaError(message: string, code: string, meta?: unknown): Error {
  return Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, meta });
}

describe("isDatabaseUnavailable", () => {
  it("recognizes a restart: terminated, unreachable, starting up, shutting down", () => {
    const restart = [
      prismaError(
        "Raw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`",
        "P2010",
      ),
      prismaError("Can't reach database server at 127.0.0.1:5432", "P1001"),
      prismaError("Invalid `prisma.course.findUnique()` invocation: the database system is starting up", "P2010", {
        driverAdapterError: {
          name: "DriverAdapterError",
          cause: { originalCode: "57P03", kind: "postgres", code: "57P03" },
        },
      }),
      Object.assign(new Error("the database system is starting up"), {
        name: "DriverAdapterError",
        cause: new Error("the database system is starting up"),
      }),
      Object.assign(new Error("the database system is shutting down"), { name: "DriverAdapterError" }),
      new Error("timeout exceeded when trying to connect"),
      new Error("Connection terminated unexpectedly"),
      Object.assign(new Error("wrapped"), {
        cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      }),
    ];
    for (const error of restart) expect(isDatabaseUnavailable(error), error.message).toBe(true);
  });

  it("does not call ordinary failures an outage", () => {
    for (const error of [
      prismaError("Unique constraint failed on the fields: (`slug`)", "P2002"),
      new Error("Cannot read properties of undefined (reading 'id')"),
      new Error("id clx08006abc not found"),
    ])
      expect(isDatabaseUnavailable(error), error.message).toBe(false);
  });

  it("answers 503 with a JSON message and Retry-After", async () => {
    const response = errorResponse(prismaError("the database system is starting up", "P2010"));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ error: expect.stringMatching(/unavailable/) });
  });
});

describe("text PostgreSQL cannot store", () => {
  it("is a NUL byte or a lone surrogate", () => {
    expect(isStorableText("héllo 👩🏽‍💻 שלום")).toBe(true);
    expect(isStorableText("a\u0000b")).toBe(false);
    expect(isStorableText("\uD800")).toBe(false);
  });

  it("is a 422 when the database or Prisma refuses it", async () => {
    const nul = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      name: "DriverAdapterError",
    });
    const surrogate = new Error(
      "Invalid `db.course.findUnique()` invocation: JSON Error: unexpected end of hex escape at line 1 column 273",
    );
    for (const error of [nul, surrogate]) {
      expect(isUnstorableTextError(error)).toBe(true);
      expect(errorResponse(error).status).toBe(422);
    }
  });
});
