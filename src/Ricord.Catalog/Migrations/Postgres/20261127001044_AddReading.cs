using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ricord.Catalog.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddReading : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LabelSchemas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    Json = table.Column<string>(type: "text", nullable: false),
                    JsonHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabelSchemas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReadPayloads",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false),
                    Length = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReadPayloads", x => x.Hash);
                });

            migrationBuilder.CreateTable(
                name: "ReadingProjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CollectionId = table.Column<long>(type: "bigint", nullable: false),
                    SchemaName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SchemaVersion = table.Column<int>(type: "integer", nullable: false),
                    ReadersPerStudy = table.Column<int>(type: "integer", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Modalities = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReadingProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReadingProjects_Collections_CollectionId",
                        column: x => x.CollectionId,
                        principalTable: "Collections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReadingUsers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    IsReader = table.Column<bool>(type: "boolean", nullable: false),
                    IsAdjudicator = table.Column<bool>(type: "boolean", nullable: false),
                    IsCurator = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReadingUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProjectStudies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<long>(type: "bigint", nullable: false),
                    StudyId = table.Column<long>(type: "bigint", nullable: false),
                    StudyInstanceUid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectStudies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectStudies_ReadingProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ReadingProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProjectStudies_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectMembers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectMembers_ReadingProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ReadingProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProjectMembers_ReadingUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "ReadingUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<long>(type: "bigint", nullable: false),
                    StudyId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    LabelsJson = table.Column<string>(type: "text", nullable: false),
                    ShapesHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reads_ReadingProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ReadingProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Reads_ReadingUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "ReadingUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reads_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReadVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReadId = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LabelsJson = table.Column<string>(type: "text", nullable: false),
                    ShapesHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SavedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReadVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReadVersions_Reads_ReadId",
                        column: x => x.ReadId,
                        principalTable: "Reads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LabelSchemas_Name_Version",
                table: "LabelSchemas",
                columns: new[] { "Name", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectMembers_ProjectId_UserId_Role",
                table: "ProjectMembers",
                columns: new[] { "ProjectId", "UserId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectMembers_UserId",
                table: "ProjectMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectStudies_ProjectId_StudyId",
                table: "ProjectStudies",
                columns: new[] { "ProjectId", "StudyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectStudies_ProjectId_StudyInstanceUid",
                table: "ProjectStudies",
                columns: new[] { "ProjectId", "StudyInstanceUid" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectStudies_StudyId",
                table: "ProjectStudies",
                column: "StudyId");

            migrationBuilder.CreateIndex(
                name: "IX_ReadVersions_ReadId_Version",
                table: "ReadVersions",
                columns: new[] { "ReadId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReadingProjects_CollectionId",
                table: "ReadingProjects",
                column: "CollectionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReadingProjects_Name",
                table: "ReadingProjects",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReadingUsers_Name",
                table: "ReadingUsers",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reads_ProjectId_Role_State",
                table: "Reads",
                columns: new[] { "ProjectId", "Role", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Reads_ProjectId_StudyId_UserId_Role",
                table: "Reads",
                columns: new[] { "ProjectId", "StudyId", "UserId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reads_ProjectId_UserId_State",
                table: "Reads",
                columns: new[] { "ProjectId", "UserId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Reads_StudyId",
                table: "Reads",
                column: "StudyId");

            migrationBuilder.CreateIndex(
                name: "IX_Reads_UserId",
                table: "Reads",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LabelSchemas");

            migrationBuilder.DropTable(
                name: "ProjectMembers");

            migrationBuilder.DropTable(
                name: "ProjectStudies");

            migrationBuilder.DropTable(
                name: "ReadPayloads");

            migrationBuilder.DropTable(
                name: "ReadVersions");

            migrationBuilder.DropTable(
                name: "Reads");

            migrationBuilder.DropTable(
                name: "ReadingProjects");

            migrationBuilder.DropTable(
                name: "ReadingUsers");
        }
    }
}
