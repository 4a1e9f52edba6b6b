using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ricord.Catalog.Migrations.Postgres
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
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeidProfiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
