using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ricord.Catalog.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddBlobIntents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BlobIntents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BlobKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Host = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessStartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BlobIntents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BlobIntents_BlobKey",
                table: "BlobIntents",
                column: "BlobKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BlobIntents");
        }
    }
}
