<?php
/**
 * A marketplace entry as the browser and the command line see it: no secret.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Settings;

use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * The projection of a stored row that the REST API, the settings screen, WP-CLI and the settings
 * import show: the secret's state (`ok`, `missing`, `unreadable`) and a mask, never the secret,
 * plus what is derived from the row and its neighbours (effective version, default, status). The
 * PA-API keys' counterpart is Paapi_Keys::for_screen().
 *
 * @phpstan-import-type Row from Marketplace_Rows
 */
final class Public_Marketplace {

	/**
	 * Builds the projection.
	 *
	 * @param Marketplace_Rows $rows The entries (for the default and the status).
	 * @param Secret_Box       $box  Tells the secret's state and mask.
	 */
	public function __construct(
		private readonly Marketplace_Rows $rows,
		private readonly Secret_Box $box
	) {
	}

	/**
	 * A row as the REST API and the screen see it: no secret, only its state and a mask.
	 *
	 * @param Row $row Stored row.
	 * @return array<string, mixed>
	 */
	public function of( array $row ): array {
		$marketplace = Marketplace_Registry::get( $row['country'] );
		$secret      = '' === $row['credential_secret'] ? null : $this->box->open( $row['credential_secret'] );
		return array(
			'country'              => $row['country'],
			'name'                 => null === $marketplace ? $row['country'] : $marketplace->name,
			'region'               => null === $marketplace ? '' : $marketplace->region,
			'enabled'              => $row['enabled'],
			'credential_type'      => $row['credential_type'],
			'credential_id'        => $row['credential_id'],
			'suggested_type'       => Credential_Rules::suggested_type( $row['credential_id'] ),
			'partner_tag'          => $row['partner_tag'],
			'api_version'          => Credential_Rules::effective_version( $row ),
			'api_version_override' => $row['api_version'],
			'secret_state'         => $this->box->state( $row['credential_secret'] ),
			'secret_mask'          => null === $secret ? '' : Secret_Box::mask( $secret ),
			'is_default'           => $this->rows->default_country() === $row['country'],
			'status'               => $this->rows->marketplace_status( $row['country'] ),
			'revision'             => $row['revision'],
			'updated_at'           => gmdate( 'c', $row['updated_at'] ),
		);
	}
}
