import { databaseUrl } from "@/lib/server/db";
import { migrateDeploy } from "./migrate-lib";

migrateDeploy(databaseUrl(), { quiet: false });
