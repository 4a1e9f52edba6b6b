using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ricord.Catalog.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDeidProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeidProfileId",
                table: "Instances",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeidProfiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeidProfiles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeidProfiles_Sha256",
                table: "DeidProfiles",
                column: "Sha256",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeidProfiles");

            migrationBuilder.DropColumn(
                name: "DeidProfileId",
                table: "Instances");
        }
    }
}
